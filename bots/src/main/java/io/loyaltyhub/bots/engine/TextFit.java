package io.loyaltyhub.bots.engine;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shortens text to a channel's limit without breaking a character apart (Hindi vowel signs and
 * emoji are several code units) and, where possible, at a word end with an ellipsis. Limits count
 * UTF-16 units, which is never less than what WhatsApp counts, so a fitted text is never refused.
 */
public final class TextFit {
    private static final String ELLIPSIS = "…";

    private TextFit() {
    }

    public static String fit(String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= max) {
            return t;
        }
        int end = lastBoundaryAtMost(t, max - ELLIPSIS.length());
        int space = t.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        return t.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /** Splits a long text into parts of at most {@code max}, at paragraph, line or word ends where possible. */
    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = Math.max(1, lastBoundaryAtMost(rest, max)); // always progresses
            for (String sep : new String[]{"\n\n", "\n", " "}) {
                int at = rest.lastIndexOf(sep, cut - sep.length());
                if (at > max / 2) {
                    cut = at;
                    break;
                }
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    /** The largest grapheme boundary at or before {@code limit}. */
    private static int lastBoundaryAtMost(String t, int limit) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(t);
        int b = it.preceding(Math.min(limit + 1, t.length()));
        if (b != BreakIterator.DONE && b > 0) {
            return b;
        }
        // the first character alone is longer than the limit (e.g. an emoji ZWJ sequence): cut between
        // code points, never inside a surrogate pair
        int cut = Math.min(limit, t.length());
        if (cut > 0 && cut < t.length() && Character.isHighSurrogate(t.charAt(cut - 1))
                && Character.isLowSurrogate(t.charAt(cut))) {
            cut--;
        }
        return cut;
    }
}
