package io.loyaltyhub.bots.telegram;

import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.bots.engine.TextFit;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a channel-neutral reply into one {@code sendMessage} within Telegram's limits: text up to
 * 4,096 characters (longer texts are split when queued), buttons as one row of an inline keyboard,
 * a menu as one button per row (title, and its description after a dot), callback data = the
 * choice id (at most 64 bytes, which {@link Choice} enforces). A template goes as its fallback text:
 * Telegram has no templates and no 24-hour window.
 */
public final class TelegramRenderer {
    public static final int TEXT = 4096;
    /** Telegram draws longer button labels cut anyway; shorter keeps a phone's keyboard readable. */
    public static final int BUTTON_TEXT = 64;
    public static final int CALLBACK_DATA_BYTES = 64;
    /** Between a menu row's title and its description on the button. */
    static final String DESCRIPTION_SEPARATOR = " · ";

    private TelegramRenderer() {
    }

    public static SendMessage render(String chatId, Reply reply) {
        return switch (reply) {
            case Reply.Text t -> message(chatId, t.body(), null);
            case Reply.PhoneRequest r -> message(chatId, r.body(), null); // affiliates' numbers come typed
            case Reply.Buttons b -> message(chatId, b.body(), new InlineKeyboardMarkup(
                    List.of(new InlineKeyboardRow(b.buttons().stream().map(c -> button(c.title(), c.id())).toList()))));
            case Reply.Menu m -> {
                List<InlineKeyboardRow> rows = new ArrayList<>();
                for (Choice c : m.rows()) {
                    String label = c.description().isBlank() ? c.title() : c.title() + DESCRIPTION_SEPARATOR + c.description();
                    rows.add(new InlineKeyboardRow(button(label, c.id())));
                }
                yield message(chatId, m.body(), new InlineKeyboardMarkup(rows));
            }
            case Reply.Template t -> message(chatId, !t.fallbackText().isBlank() ? t.fallbackText()
                    : String.join(" ", t.params()), null);
        };
    }

    private static SendMessage message(String chatId, String body, InlineKeyboardMarkup keyboard) {
        TelegramText.Formatted f = TelegramText.format(TextFit.fit(body, TEXT));
        String text = f.text().isBlank() ? "-" : f.text();
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(text);
        if (!f.entities().isEmpty() && !f.text().isBlank()) {
            b.entities(f.entities());
        }
        if (keyboard != null) {
            b.replyMarkup(keyboard);
        }
        return b.build();
    }

    private static InlineKeyboardButton button(String label, String id) {
        String text = TextFit.fit(label == null || label.isBlank() ? id : label, BUTTON_TEXT);
        return InlineKeyboardButton.builder().text(text).callbackData(callbackData(id)).build();
    }

    /** The id as it is; only cut (at a character end) if it ever were longer than Telegram takes. */
    static String callbackData(String id) {
        if (id.getBytes(StandardCharsets.UTF_8).length <= CALLBACK_DATA_BYTES) {
            return id;
        }
        int end = id.length();
        while (id.substring(0, end).getBytes(StandardCharsets.UTF_8).length > CALLBACK_DATA_BYTES) {
            end = Character.isLowSurrogate(id.charAt(end - 1)) && end >= 2 ? end - 2 : end - 1;
        }
        return id.substring(0, end);
    }
}
