package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.api.chat.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays the engine for one user: keeps step, data and language between turns as the engine stores them,
 * gives each message a new id, and checks every reply against WhatsApp's limits and for missing texts.
 */
class ChatDriver {
    private static final Pattern MISSING_KEY = Pattern.compile("\\[[a-z]+\\.[a-zA-Z.\\-]+]");

    private final CustomerChatFlow flow;
    private final String mobile;
    private final String displayName;
    String step = "";
    Map<String, String> data = Map.of();
    String language = "en";
    List<Reply> replies = List.of();
    String lastMessageId;
    private int messages;

    ChatDriver(CustomerChatFlow flow, String mobile, String displayName) {
        this.flow = flow;
        this.mobile = mobile;
        this.displayName = displayName;
    }

    List<Reply> send(String text) {
        return turn(Inbound.text(text), Intent.NONE);
    }

    /** The engine recognised a global keyword (menu, help, stop, start, मेनू ...). */
    List<Reply> intent(Intent intent, String text) {
        return turn(Inbound.text(text), intent);
    }

    /** Taps a button or row of the last answer. */
    List<Reply> tap(String id) {
        Choice c = choices().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + id + " in " + choices()));
        return turn(Inbound.choice(id, c.title()), Intent.NONE);
    }

    /** Taps a choice of an older message (not necessarily in the last answer). */
    List<Reply> tapOld(String id) {
        return turn(Inbound.choice(id, id), Intent.NONE);
    }

    List<Reply> turn(Inbound input, Intent intent) {
        lastMessageId = "wamid.HBgM" + (++messages);
        ChatStep next = flow.handle(new ChatTurn(new ChatUser("whatsapp", mobile, displayName), lastMessageId, input,
                intent, step, data, new StrictTexts(language)));
        step = next.step();
        data = next.data();
        if (next.language() != null) {
            language = next.language();
        }
        replies = next.replies();
        assertThat(replies).as("every message is answered").isNotEmpty();
        replies.forEach(ChatDriver::checkLimits);
        return replies;
    }

    private static void checkLimits(Reply r) {
        String body = switch (r) {
            case Reply.Text t -> t.body();
            case Reply.Buttons b -> {
                b.buttons().forEach(c -> assertThat(c.title().length()).as("button " + c).isLessThanOrEqualTo(20));
                yield b.body();
            }
            case Reply.Menu m -> {
                assertThat(m.buttonLabel().length()).as("menu button " + m.buttonLabel()).isLessThanOrEqualTo(20);
                m.rows().forEach(c -> {
                    assertThat(c.title().length()).as("row title " + c).isLessThanOrEqualTo(24);
                    assertThat(c.description().length()).as("row description " + c).isLessThanOrEqualTo(72);
                });
                yield m.body();
            }
            case Reply.Template t -> t.fallbackText();
            case Reply.PhoneRequest q -> q.body();
        };
        assertThat(body).isNotBlank();
        assertThat(body.length()).as("body").isLessThanOrEqualTo(1024);
        assertThat(MISSING_KEY.matcher(body).find()).as("a missing text in: " + body).isFalse();
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

    Reply.Menu menu() {
        return replies.stream().filter(Reply.Menu.class::isInstance).map(Reply.Menu.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no menu list in " + replies));
    }
}
