package io.loyaltyhub.plugins.loyalty.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitTest {
    @Test
    void shortTextStays() {
        assertThat(Fit.cut("Free coffee", 24)).isEqualTo("Free coffee");
    }

    @Test
    void longTextEndsWithAnEllipsisWithinTheLimit() {
        String cut = Fit.cut("A very long reward name that does not fit", 24);
        assertThat(cut).hasSizeLessThanOrEqualTo(24).endsWith("…").startsWith("A very long reward");
    }

    @Test
    void aHindiLetterIsNotSplitFromItsVowelSign() {
        String name = "प्रीमियम कॉफ़ी मग और बिस्कुट का डिब्बा"; // combining signs throughout
        String cut = Fit.cut(name, 20);
        assertThat(cut.length()).isLessThanOrEqualTo(20);
        String kept = cut.substring(0, cut.length() - 1);
        assertThat(name).startsWith(kept);
        assertThat(Character.getType(name.charAt(kept.length()))).as("the cut is before a new letter or space")
                .isNotIn((int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK);
    }
}
