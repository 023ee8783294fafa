package io.loyaltyhub.plugins.affiliates.chat;

import java.text.BreakIterator;

/**
 * Shortens text to a limit at a whole character (a Hindi letter with its vowel signs is one), ending with "…".
 * Telegram takes long texts (4,096 characters) and draws long button labels cut; the limits here keep buttons
 * readable on a phone's keyboard and the simulator's preview close to what Telegram shows.
 */
final class Fit {
    static final int BUTTON = 20;
    static final int ROW_TITLE = 40;
    static final int BODY = 4096;

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
