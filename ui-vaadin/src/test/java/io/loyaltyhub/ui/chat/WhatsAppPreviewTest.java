package io.loyaltyhub.ui.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppPreviewTest {

    @Test
    void fittingTitlesStayAsTheyAre() {
        assertThat(WhatsAppPreview.buttonTitle("My points")).isEqualTo("My points");
        assertThat(WhatsAppPreview.buttonTitle("12345678901234567890")).hasSize(20).doesNotContain("…");
        assertThat(WhatsAppPreview.rowTitle("  Rewards  ")).isEqualTo("Rewards");
        assertThat(WhatsAppPreview.buttonTitle(null)).isEmpty();
    }

    @Test
    void longTitlesAreCutToTheLimitWithAnEllipsis() {
        String button = WhatsAppPreview.buttonTitle("Redeem a reward today please");
        assertThat(button).isEqualTo("Redeem a reward tod…").hasSize(WhatsAppPreview.BUTTON_TITLE);
        assertThat(WhatsAppPreview.buttonTitle("123456789012345678901")).isEqualTo("1234567890123456789…").hasSize(20);
        assertThat(WhatsAppPreview.rowTitle("Points balance and history")).isEqualTo("Points balance and hist…")
                .hasSize(WhatsAppPreview.ROW_TITLE);
        String description = "x".repeat(100);
        assertThat(WhatsAppPreview.rowDescription(description)).hasSize(WhatsAppPreview.ROW_DESCRIPTION)
                .endsWith("x…");
        assertThat(WhatsAppPreview.menuButton("Choose what you would like")).hasSize(WhatsAppPreview.MENU_BUTTON);
    }

    @Test
    void titlesAreOneLine() {
        assertThat(WhatsAppPreview.buttonTitle("Yes,\nplease")).isEqualTo("Yes, please");
        assertThat(WhatsAppPreview.rowDescription("a\t\tb  c")).isEqualTo("a b c");
    }

    @Test
    void bodiesKeepTheirNewlines() {
        assertThat(WhatsAppPreview.textBody("Hello\n\n*Meera*")).isEqualTo("Hello\n\n*Meera*");
        assertThat(WhatsAppPreview.interactiveBody("y".repeat(2000))).hasSize(WhatsAppPreview.INTERACTIVE_BODY);
        assertThat(WhatsAppPreview.textBody("z".repeat(5000)).codePointCount(0, 4096)).isEqualTo(4096);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji = "🎁".repeat(20); // 20 characters, 40 UTF-16 units
        assertThat(WhatsAppPreview.buttonTitle(emoji)).isEqualTo(emoji);
        String cut = WhatsAppPreview.buttonTitle("🎁".repeat(25));
        assertThat(cut).isEqualTo("🎁".repeat(19) + "…");
    }

    @Test
    void neverSplitsALetterFromItsMarks() {
        // "कि" is two code points (consonant + vowel sign), one letter
        String hindi = "अ".repeat(18) + "कि" + "त";
        String cut = WhatsAppPreview.buttonTitle(hindi);
        assertThat(cut).isEqualTo("अ".repeat(18) + "…");
        assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(WhatsAppPreview.BUTTON_TITLE);
    }

    @Test
    void aLimitBelowOneIsAMistake() {
        assertThatThrownBy(() -> WhatsAppPreview.shorten("abc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WhatsAppPreview.shorten("abc", 1)).isEqualTo("…");
        assertThat(WhatsAppPreview.shorten("a", 1)).isEqualTo("a");
    }
}
