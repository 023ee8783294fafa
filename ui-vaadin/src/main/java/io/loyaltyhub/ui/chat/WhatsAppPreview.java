package io.loyaltyhub.ui.chat;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * What WhatsApp shows of a reply: titles and texts cut to WhatsApp's limits, ending in "…" when
 * cut. Limits count characters (code points); a cut never splits a letter with its marks (Hindi
 * vowel signs, emoji sequences). Whitespace around is dropped; titles are one line.
 */
public final class WhatsAppPreview {

    /** A reply button's title. */
    public static final int BUTTON_TITLE = 20;
    /** A list (menu) row's title. */
    public static final int ROW_TITLE = 24;
    /** A list row's description. */
    public static final int ROW_DESCRIPTION = 72;
    /** The button that opens a list. */
    public static final int MENU_BUTTON = 20;
    /** The body of a message with buttons or a list. */
    public static final int INTERACTIVE_BODY = 1024;
    /** A plain text message. */
    public static final int TEXT_BODY = 4096;

    static final String ELLIPSIS = "…";

    private WhatsAppPreview() {
    }

    public static String buttonTitle(String title) {
        return shortenLine(title, BUTTON_TITLE);
    }

    public static String rowTitle(String title) {
        return shortenLine(title, ROW_TITLE);
    }

    public static String rowDescription(String description) {
        return shortenLine(description, ROW_DESCRIPTION);
    }

    public static String menuButton(String label) {
        return shortenLine(label, MENU_BUTTON);
    }

    public static String interactiveBody(String body) {
        return shorten(body, INTERACTIVE_BODY);
    }

    public static String textBody(String body) {
        return shorten(body, TEXT_BODY);
    }

    /** On one line (runs of whitespace, newlines too, become one space), then {@link #shorten}. */
    public static String shortenLine(String text, int max) {
        return shorten(text == null ? null : text.replaceAll("\\s+", " "), max);
    }

    /**
     * At most {@code max} characters (code points): the text as it is if it fits, else as much as
     * fits before an "…" (cut at a letter boundary, without trailing whitespace). "" for null.
     */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        int room = t.offsetByCodePoints(0, max - 1);
        BreakIterator letters = BreakIterator.getCharacterInstance(Locale.ROOT);
        letters.setText(t);
        int cut = letters.isBoundary(room) ? room : letters.preceding(room);
        return t.substring(0, Math.max(0, cut)).stripTrailing() + ELLIPSIS;
    }
}
