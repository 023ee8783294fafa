package io.loyaltyhub.bots.engine;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a shortened text was cut cleanly: within the limit, whole characters, an ellipsis. */
public final class FitAssertions {
    public static final String ELLIPSIS = "…";

    private FitAssertions() {
    }

    /** {@code fitted} is {@code original} shortened to at most {@code max} UTF-16 units, cut cleanly. */
    public static void assertCleanCut(String original, String fitted, int max) {
        String o = original.strip();
        assertThat(fitted.length()).as("length of <%s>", fitted).isLessThanOrEqualTo(max);
        assertThat(fitted).endsWith(ELLIPSIS);
        assertWellFormed(fitted);
        String kept = fitted.substring(0, fitted.length() - ELLIPSIS.length());
        assertThat(kept).as("kept part").isNotEmpty();
        assertThat(o).as("kept part is a prefix of the original").startsWith(kept);
        assertNotInsideACharacter(o, kept.length());
    }

    /** Like {@link #assertCleanCut}, and the cut is at a word end (the original goes on with a space). */
    public static void assertCutAtWordEnd(String original, String fitted, int max) {
        assertCleanCut(original, fitted, max);
        String o = original.strip();
        int cut = fitted.length() - ELLIPSIS.length();
        assertThat(Character.isWhitespace(o.charAt(cut)))
                .as("cut at %d of <%s> is at a word end (next: U+%04X)", cut, fitted, (int) o.charAt(cut)).isTrue();
        assertThat(Character.isWhitespace(fitted.charAt(cut - 1))).as("no space before the ellipsis").isFalse();
    }

    /** No lone surrogate anywhere, and nothing that needs a preceding character at the start. */
    public static void assertWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                        .as("high surrogate at %d of <%s> is followed by its low half", i, s).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d of <%s>", i, s).isFalse();
            }
        }
        if (!s.isEmpty()) {
            assertThat(isJoiningMark(s.codePointAt(0))).as("<%s> starts with a combining mark", s).isFalse();
        }
    }

    /** Cutting {@code s} at {@code at} does not separate a base from its marks, surrogates or emoji modifiers. */
    public static void assertNotInsideACharacter(String s, int at) {
        if (at <= 0 || at >= s.length()) {
            return;
        }
        assertThat(Character.isLowSurrogate(s.charAt(at)) && Character.isHighSurrogate(s.charAt(at - 1)))
                .as("cut at %d splits a surrogate pair", at).isFalse();
        int next = s.codePointAt(at);
        assertThat(isJoiningMark(next)).as("cut at %d leaves U+%04X dangling", at, next).isFalse();
        assertThat(s.codePointBefore(at)).as("cut at %d right after a zero-width joiner", at).isNotEqualTo(0x200D);
    }

    /** Combining marks (Hindi vowel signs, virama, nukta), joiners, variation selectors, skin tones. */
    public static boolean isJoiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }
}
