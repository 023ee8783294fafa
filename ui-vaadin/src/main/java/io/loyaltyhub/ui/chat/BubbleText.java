package io.loyaltyhub.ui.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A message text cut into runs the way WhatsApp formats it: {@code *bold*}, {@code _italic_},
 * {@code ~strikethrough~} and {@code ```monospace```}. A marker counts only around text (not
 * spaces) within one line, opening at the start or after a non-letter and closing before the end
 * or a non-letter, so "2*3*4" and "snake_case_name" stay as they are. Newlines stay in the runs.
 */
public final class BubbleText {

    public enum Style { PLAIN, BOLD, ITALIC, STRIKE, MONO }

    /** A run of text in one style, markers removed. */
    public record Run(String text, Style style) {
    }

    private static final String MONO_MARK = "```";

    private BubbleText() {
    }

    /** The runs of {@code text}, in order; adjacent plain text is one run. Empty for null or "". */
    public static List<Run> parse(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(MONO_MARK, i)) {
                int end = text.indexOf(MONO_MARK, i + MONO_MARK.length());
                if (end > i + MONO_MARK.length()) {
                    flush(plain, runs);
                    runs.add(new Run(text.substring(i + MONO_MARK.length(), end), Style.MONO));
                    i = end + MONO_MARK.length();
                    continue;
                }
            }
            char c = text.charAt(i);
            Style style = styleOf(c);
            if (style != null && opensAt(text, i)) {
                int end = closing(text, i);
                if (end > 0) {
                    flush(plain, runs);
                    runs.add(new Run(text.substring(i + 1, end), style));
                    i = end + 1;
                    continue;
                }
            }
            plain.append(c);
            i++;
        }
        flush(plain, runs);
        return runs;
    }

    /** The text without formatting markers, as people read it. */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder();
        parse(text).forEach(r -> out.append(r.text()));
        return out.toString();
    }

    private static Style styleOf(char c) {
        return switch (c) {
            case '*' -> Style.BOLD;
            case '_' -> Style.ITALIC;
            case '~' -> Style.STRIKE;
            default -> null;
        };
    }

    private static boolean opensAt(String text, int i) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return false;
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return !Character.isWhitespace(next) && next != text.charAt(i);
    }

    /** The index of the marker closing the one at {@code open} on the same line, or -1. */
    private static int closing(String text, int open) {
        char mark = text.charAt(open);
        for (int j = open + 2; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return -1;
            }
            if (c == mark && !Character.isWhitespace(text.charAt(j - 1))
                    && (j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static void flush(StringBuilder plain, List<Run> runs) {
        if (!plain.isEmpty()) {
            runs.add(new Run(plain.toString(), Style.PLAIN));
            plain.setLength(0);
        }
    }
}
