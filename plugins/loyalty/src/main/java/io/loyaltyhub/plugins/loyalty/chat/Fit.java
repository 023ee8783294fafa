package io.loyaltyhub.plugins.loyalty.chat;

import java.text.BreakIterator;

/**
 * Shortens text to a channel limit at a whole character (a Hindi letter with its vowel signs is one),
 * ending with "…", so nothing is cut in the middle of a letter by the channel.
 */
final class Fit {
    static final int BUTTON = 20;
    static final int ROW_TITLE = 24;
    static final int ROW_DESCRIPTION = 72;
    static final int BODY = 1024;

    private Fit() {
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        BreakIterator chars = BreakIterator.getCharacterInstance();
        chars.setText(text);
        int end = chars.preceding(max); // leaves room for the ellipsis
        return text.substring(0, Math.max(end, 0)).stripTrailing() + "…";
    }
}
