package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.api.chat.Reply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays the engine for one Telegram user: keeps step, data and language between turns as the engine stores
 * them, gives each message a new id ({@code tg-<update id>}), maps {@code /menu}, {@code /help} and
 * {@code /stop} to the engine's keywords as the Telegram channel does, and checks every reply (limits,
 * callback data, no missing texts).
 */
class ChatDriver {
    private static final Pattern MISSING_KEY = Pattern.compile("\\[[a-z]+\\.[a-zA-Z._\\-]+]");

    private final AffiliateChatFlow flow;
    private final String userId;
    private final String displayName;
    String step = "";
    Map<String, String> data = Map.of();
    String language;
    List<Reply> replies = List.of();
    private int updates = 1000;

    ChatDriver(AffiliateChatFlow flow, String userId, String displayName, String language) {
        this.flow = flow;
        this.userId = userId;
        this.displayName = displayName;
        this.language = language;
    }

    /** Typed text; the engine's words (menu, help, stop, start, hi...) and /menu, /help, /stop become intents. */
    List<Reply> send(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        Intent intent = switch (t) {
            case "/menu", "menu", "hi", "hello", "मेनू" -> Intent.MENU;
            case "/help", "help", "मदद" -> Intent.HELP;
            case "/stop", "stop" -> Intent.STOP;
            case "start" -> Intent.START;
            default -> Intent.NONE;
        };
        return turn(Inbound.text(text.startsWith("/") && intent != Intent.NONE ? t.substring(1) : text), intent);
    }

    /** Taps a button or row of the last answer. */
    List<Reply> tap(String id) {
        Choice c = choices().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + id + " in " + choices() + " of " + text()));
        return turn(Inbound.choice(id, c.title()), Intent.NONE);
    }

    /** Taps a choice of an older message (not necessarily in the last answer). */
    List<Reply> tapOld(String id) {
        return turn(Inbound.choice(id, id), Intent.NONE);
    }

    List<Reply> turn(Inbound input, Intent intent) {
        String messageId = "tg-" + (++updates);
        ChatStep next = flow.handle(new ChatTurn(new ChatUser("telegram", userId, displayName), messageId, input,
                intent, step, data, new StrictTexts(language)));
        step = next.step();
        data = next.data();
        if (next.language() != null) {
            language = next.language();
        }
        replies = next.replies();
        assertThat(replies).as("every message is answered").isNotEmpty();
        replies.forEach(ChatDriver::check);
        return replies;
    }

    private static void check(Reply r) {
        String body = switch (r) {
            case Reply.Text t -> t.body();
            case Reply.Buttons b -> {
                b.buttons().forEach(c -> assertThat(c.title().length()).as("button " + c).isLessThanOrEqualTo(Fit.BUTTON));
                b.buttons().forEach(ChatDriver::checkId);
                yield b.body();
            }
            case Reply.Menu m -> {
                m.rows().forEach(c -> assertThat(c.title().length()).as("row " + c).isLessThanOrEqualTo(Fit.ROW_TITLE));
                m.rows().forEach(ChatDriver::checkId);
                yield m.body();
            }
            case Reply.Template t -> t.fallbackText();
            case Reply.PhoneRequest q -> q.body();
        };
        assertThat(body).isNotBlank();
        assertThat(body.length()).as("body").isLessThanOrEqualTo(Fit.BODY);
        assertThat(MISSING_KEY.matcher(body).find()).as("a missing text in: " + body).isFalse();
    }

    private static void checkId(Choice c) {
        assertThat(c.id().getBytes(StandardCharsets.UTF_8).length).as("callback data " + c.id()).isLessThanOrEqualTo(64);
        assertThat(c.id()).as("a documented id").matches("a:(menu|links|stats|comm|payout|board|lang|help)|a:stats:[mla]"
                + "|l:(new|skip|cancel|[0-9]+)|p:(ok|no)|g:(en|hi)|j:apply|n:profile");
    }

    /** All bodies of the last answer, one after another. */
    String text() {
        List<String> out = new ArrayList<>();
        for (Reply r : replies) {
            out.add(switch (r) {
                case Reply.Text t -> t.body();
                case Reply.Buttons b -> b.body();
                case Reply.Menu m -> m.body();
                case Reply.Template t -> t.fallbackText();
                case Reply.PhoneRequest q -> q.body();
            });
        }
        return String.join("\n---\n", out);
    }

    List<Choice> choices() {
        List<Choice> out = new ArrayList<>();
        for (Reply r : replies) {
            if (r instanceof Reply.Buttons b) {
                out.addAll(b.buttons());
            } else if (r instanceof Reply.Menu m) {
                out.addAll(m.rows());
            }
        }
        return out;
    }

    List<String> choiceIds() {
        return choices().stream().map(Choice::id).toList();
    }
}
