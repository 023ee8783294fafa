package io.loyaltyhub.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.bots.engine.InboundMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Bot API {@code Update}s (telegrambots-meta types). Messages in private chats: text
 * (commands too: {@code /start <payload>} from a deep link arrives as that text, {@code @botname}
 * dropped; {@code /menu}, {@code /help} and {@code /stop} become the engine's keywords) and
 * anything else (photo, sticker, voice, ...) as "unsupported", which the engine answers politely.
 * Inline keyboard taps ({@code callback_query}) become choices, titled with the tapped button's
 * text; each must be answered with {@code answerCallbackQuery}. Everything else (edited messages,
 * groups, channels, membership changes) is not answered. The message id is {@code tg-<update_id>}:
 * an update stored once is never applied again, however often it arrives.
 */
public final class UpdateParser {
    public static final String CHANNEL = "telegram";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KEYWORD_COMMANDS = Map.of("/menu", "menu", "/help", "help", "/stop", "stop");

    /**
     * One update, understood.
     *
     * @param message         what to store and answer, if anything
     * @param callbackQueryId to answer with {@code answerCallbackQuery} (stops the button's spinner), or null
     * @param ignored         why nothing is answered, or null
     */
    public record Parsed(long updateId, Optional<InboundMessage> message, String callbackQueryId, String ignored) {
    }

    public static String messageId(long updateId) {
        return "tg-" + updateId;
    }

    public Update read(byte[] body) throws IOException {
        return read(JSON.readTree(body));
    }

    public Update read(JsonNode node) throws IOException {
        if (node == null || !node.isObject() || !node.path("update_id").canConvertToLong()) {
            throw new IOException("not a Telegram update");
        }
        return JSON.treeToValue(node, Update.class);
    }

    public Parsed parse(Update u) {
        long id = u.getUpdateId();
        if (u.hasMessage()) {
            return message(id, u.getMessage());
        }
        if (u.hasCallbackQuery()) {
            return callback(id, u.getCallbackQuery());
        }
        return new Parsed(id, Optional.empty(), null, "not a message or button tap");
    }

    private Parsed message(long id, Message m) {
        if (!m.isUserMessage()) {
            return new Parsed(id, Optional.empty(), null, "not a private chat");
        }
        User from = m.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return new Parsed(id, Optional.empty(), null, "not from a person");
        }
        Inbound input;
        String what = null;
        if (m.hasText()) {
            input = Inbound.text(command(m.getText()));
        } else {
            what = what(m);
            input = Inbound.unsupported(what);
        }
        Instant sent = m.getDate() == null || m.getDate() <= 0 ? null : Instant.ofEpochSecond(m.getDate());
        return new Parsed(id, Optional.of(new InboundMessage(user(from), Audience.AFFILIATE, messageId(id), input,
                what, sent)), null, null);
    }

    private Parsed callback(long id, CallbackQuery q) {
        User from = q.getFrom();
        if (from == null || q.getData() == null || q.getData().isEmpty()) {
            return new Parsed(id, Optional.empty(), q.getId(), "a tap without data");
        }
        if (q.getMessage() instanceof Message m && m.getChat() != null && !m.isUserMessage()) {
            return new Parsed(id, Optional.empty(), q.getId(), "not a private chat");
        }
        String title = q.getMessage() instanceof Message m ? buttonText(m.getReplyMarkup(), q.getData()) : null;
        Inbound input = Inbound.choice(q.getData(), title == null ? q.getData() : title);
        return new Parsed(id, Optional.of(new InboundMessage(user(from), Audience.AFFILIATE, messageId(id), input, null,
                null)), q.getId(), null);
    }

    /**
     * The title of the button that carried {@code data}, from the message the keyboard was under
     * (a menu row's description, which the renderer adds after " · ", left out, as on WhatsApp).
     */
    private static String buttonText(InlineKeyboardMarkup markup, String data) {
        if (markup == null || markup.getKeyboard() == null) {
            return null;
        }
        for (InlineKeyboardRow row : markup.getKeyboard()) {
            for (InlineKeyboardButton b : row) {
                if (data.equals(b.getCallbackData()) && b.getText() != null) {
                    int dot = b.getText().indexOf(TelegramRenderer.DESCRIPTION_SEPARATOR);
                    return dot > 0 ? b.getText().substring(0, dot) : b.getText();
                }
            }
        }
        return null;
    }

    /** {@code /start@MyBot abc} -> {@code /start abc}; {@code /help} -> {@code help}; other text as it is. */
    static String command(String text) {
        if (text == null || !text.startsWith("/")) {
            return text == null ? "" : text;
        }
        int space = text.indexOf(' ');
        String head = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space);
        int at = head.indexOf('@');
        if (at > 0) {
            head = head.substring(0, at);
        }
        String keyword = KEYWORD_COMMANDS.get(head.toLowerCase(Locale.ROOT));
        if (keyword != null && rest.isBlank()) {
            return keyword;
        }
        return head + rest;
    }

    private static ChatUser user(User from) {
        String name = (nullToEmpty(from.getFirstName()) + " " + nullToEmpty(from.getLastName())).strip();
        return new ChatUser(CHANNEL, Long.toString(from.getId()), name);
    }

    private static String what(Message m) {
        if (m.hasPhoto()) return "photo";
        if (m.hasSticker()) return "sticker";
        if (m.hasVoice()) return "voice";
        if (m.hasVideo()) return "video";
        if (m.hasVideoNote()) return "video_note";
        if (m.hasAudio()) return "audio";
        if (m.hasAnimation()) return "animation";
        if (m.hasDocument()) return "document";
        if (m.hasLocation()) return "location";
        if (m.hasContact()) return "contact";
        if (m.hasPoll()) return "poll";
        if (m.hasDice()) return "dice";
        if (m.hasStory()) return "story";
        return "other";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
