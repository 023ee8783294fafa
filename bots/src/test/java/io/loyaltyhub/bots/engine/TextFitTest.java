package io.loyaltyhub.bots.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.loyaltyhub.bots.engine.FitAssertions.assertCleanCut;
import static io.loyaltyhub.bots.engine.FitAssertions.assertCutAtWordEnd;
import static io.loyaltyhub.bots.engine.FitAssertions.assertNotInsideACharacter;
import static io.loyaltyhub.bots.engine.FitAssertions.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

class TextFitTest {
    static final String ENGLISH = "You have 1,250 points. Redeem them for a gift voucher, a discount on your next "
            + "bill, or save them for something bigger at the end of the season.";
    /** Devanagari with vowel signs (ि ी ु े ो ं), nukta and conjuncts (्). */
    static final String HINDI = "आपके खाते में एक हज़ार दो सौ पचास पॉइंट्स हैं। इन्हें उपहार वाउचर, अगले बिल पर छूट के लिए "
            + "भुनाएँ या सीज़न के अंत में किसी बड़ी चीज़ के लिए बचाकर रखें।";
    static final String EMOJI = "🎁🎉👍🏽👨‍👩‍👧‍👦🇮🇳❤️✨";

    @Test
    void shortTextIsKeptButStripped() {
        assertThat(TextFit.fit("Hello", 20)).isEqualTo("Hello");
        assertThat(TextFit.fit("  Hello  ", 5)).isEqualTo("Hello");
        assertThat(TextFit.fit("x".repeat(20), 20)).isEqualTo("x".repeat(20));
        assertThat(TextFit.fit(null, 20)).isEmpty();
    }

    @Test
    void fitsAtAWordEndWithAnEllipsis() {
        String fitted = TextFit.fit(ENGLISH, 40);

        assertThat(fitted).isEqualTo("You have 1,250 points. Redeem them for…");
        assertCutAtWordEnd(ENGLISH, fitted, 40);
    }

    @Test
    void fitsEnglishAtManyLimits() {
        for (int max = 10; max < ENGLISH.length(); max++) {
            String fitted = TextFit.fit(ENGLISH, max);
            assertCleanCut(ENGLISH, fitted, max);
            // a word end is used when one is in the second half
            assertThat(fitted.length()).as("max %d: <%s>", max, fitted).isGreaterThan(max / 2);
        }
    }

    @Test
    void fitsHindiWithoutBreakingVowelSigns() {
        for (int max = 8; max < HINDI.length(); max++) {
            String fitted = TextFit.fit(HINDI, max);
            assertCleanCut(HINDI, fitted, max);
        }
        assertCutAtWordEnd(HINDI, TextFit.fit(HINDI, 24), 24);
    }

    @Test
    void fitsHindiWithoutSpacesAtCharacterBoundaries() {
        String noSpaces = HINDI.replace(" ", "");
        for (int max = 3; max < noSpaces.length(); max++) {
            assertCleanCut(noSpaces, TextFit.fit(noSpaces, max), max);
        }
    }

    @Test
    void fitsEmojiWithoutBreakingSurrogatesOrSequences() {
        String emoji = EMOJI.repeat(10);
        for (int max = 2; max < emoji.length(); max++) {
            String fitted = TextFit.fit(emoji, max);
            assertThat(fitted.length()).isLessThanOrEqualTo(max);
            assertThat(fitted).endsWith("…");
            assertWellFormed(fitted);
            String kept = fitted.substring(0, fitted.length() - 1);
            assertThat(emoji).startsWith(kept);
            assertNotInsideACharacter(emoji, kept.length());
        }
    }

    @Test
    void aSingleCharacterLongerThanTheLimitIsCutBetweenCodePoints() {
        String family = "👨‍👩‍👧‍👦"; // 11 UTF-16 units, one grapheme
        for (int max = 1; max <= family.length(); max++) {
            String fitted = TextFit.fit(family + " family", max);
            assertThat(fitted.length()).as("max %d", max).isLessThanOrEqualTo(max);
            assertThat(fitted).endsWith("…");
            assertWellFormed(fitted);
        }
    }

    @Test
    void splitsAtParagraphEndsFirst() {
        String p1 = "First paragraph, " + "words ".repeat(10).strip() + ".";
        String p2 = "Second paragraph.\nWith a second line.";
        String text = p1 + "\n\n" + p2;

        List<String> parts = TextFit.split(text, p1.length() + 10);

        assertThat(parts).containsExactly(p1, p2);
    }

    @Test
    void splitsAtLineEndsThenWordEnds() {
        String l1 = "line one " + "a".repeat(30);
        String l2 = "line two " + "b".repeat(30);
        assertThat(TextFit.split(l1 + "\n" + l2, 50)).containsExactly(l1, l2);

        List<String> words = TextFit.split("alpha beta gamma delta epsilon zeta eta theta", 20);
        assertThat(words).containsExactly("alpha beta gamma", "delta epsilon zeta", "eta theta");
    }

    @Test
    void shortTextIsOnePart() {
        assertThat(TextFit.split("  hello  ", 100)).containsExactly("hello");
        assertThat(TextFit.split("", 100)).containsExactly("");
    }

    @Test
    void everyPartFitsAndNoWordIsLost() {
        String text = (ENGLISH + "\n\n" + HINDI + "\n" + EMOJI + " " + ENGLISH + " " + HINDI + "\n\n").repeat(40);
        for (int max : new int[]{50, 97, 160, 500, 4096}) {
            List<String> parts = TextFit.split(text, max);
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.length()).isLessThanOrEqualTo(max);
                assertThat(p).isNotBlank().isEqualTo(p.strip());
                assertWellFormed(p);
            });
            assertThat(words(String.join(" ", parts))).as("max %d", max).isEqualTo(words(text));
        }
    }

    @Test
    void longTextWithoutSpacesIsSplitAtCharacterBoundaries() {
        String text = (HINDI.replace(" ", "") + EMOJI).repeat(30);
        List<String> parts = TextFit.split(text, 101);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(String.join("", parts)).isEqualTo(text);
        int at = 0;
        for (String p : parts) {
            assertThat(p.length()).isLessThanOrEqualTo(101);
            assertWellFormed(p);
            at += p.length();
            assertNotInsideACharacter(text, at);
        }
    }

    @Test
    void realisticLongMessageSplitsIntoWhatsAppSizedParts() {
        String text = (ENGLISH + "\n\n").repeat(60) + HINDI.repeat(20);
        List<String> parts = TextFit.split(text, 4096);

        assertThat(text.length()).isGreaterThan(8192);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        // no part is needlessly small except the last
        parts.subList(0, parts.size() - 1).forEach(p -> assertThat(p.length()).isGreaterThan(2048));
        assertThat(words(String.join(" ", parts))).isEqualTo(words(text));
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.strip().split("\\s+")).toList();
    }
}
