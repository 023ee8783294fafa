package io.loyaltyhub.api.chat;

import java.util.Objects;

/**
 * What the user sent, as the engine understood it.
 *
 * @param kind   typed text, a tapped choice (button or list row), the user's own phone number shared on
 *               request, or something the bot cannot read
 * @param text   the typed text, the tapped choice's title, or the shared number in E.164; empty for
 *               {@link Kind#UNSUPPORTED}
 * @param choice the tapped choice's id ({@link Choice#id()}); null unless {@link Kind#CHOICE}
 */
public record Inbound(Kind kind, String text, String choice) {

    public enum Kind { TEXT, CHOICE, PHONE_SHARED, UNSUPPORTED }

    public Inbound {
        Objects.requireNonNull(kind);
        text = text == null ? "" : text;
    }

    public static Inbound text(String text) {
        return new Inbound(Kind.TEXT, text, null);
    }

    public static Inbound choice(String id, String title) {
        return new Inbound(Kind.CHOICE, title, id);
    }

    /** The user shared their own number (E.164) in answer to a {@link Reply.PhoneRequest}. */
    public static Inbound phoneShared(String e164) {
        return new Inbound(Kind.PHONE_SHARED, e164, null);
    }

    public static Inbound unsupported(String what) {
        return new Inbound(Kind.UNSUPPORTED, "", null);
    }

    public boolean isChoice(String id) {
        return kind == Kind.CHOICE && id.equals(choice);
    }
}
