package io.loyaltyhub.ui.chat;

import io.loyaltyhub.ui.chat.BubbleText.Run;
import io.loyaltyhub.ui.chat.BubbleText.Style;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BubbleTextTest {

    @Test
    void plainTextIsOneRunWithItsNewlines() {
        assertThat(BubbleText.parse("Hello Meera,\nyou have 120 points."))
                .containsExactly(new Run("Hello Meera,\nyou have 120 points.", Style.PLAIN));
        assertThat(BubbleText.parse("")).isEmpty();
        assertThat(BubbleText.parse(null)).isEmpty();
    }

    @Test
    void whatsAppMarkers() {
        assertThat(BubbleText.parse("You have *120 points*!")).containsExactly(
                new Run("You have ", Style.PLAIN), new Run("120 points", Style.BOLD), new Run("!", Style.PLAIN));
        assertThat(BubbleText.parse("_soon_ ~gone~ ```CODE-42```")).containsExactly(
                new Run("soon", Style.ITALIC), new Run(" ", Style.PLAIN), new Run("gone", Style.STRIKE),
                new Run(" ", Style.PLAIN), new Run("CODE-42", Style.MONO));
        assertThat(BubbleText.parse("*a*")).containsExactly(new Run("a", Style.BOLD));
    }

    @Test
    void markersInsideWordsOrAroundSpacesStayLiteral() {
        assertThat(BubbleText.parse("2*3*4 and snake_case_name")).containsExactly(
                new Run("2*3*4 and snake_case_name", Style.PLAIN));
        assertThat(BubbleText.parse("a * b * c")).containsExactly(new Run("a * b * c", Style.PLAIN));
        assertThat(BubbleText.parse("*not closed")).containsExactly(new Run("*not closed", Style.PLAIN));
        assertThat(BubbleText.parse("** empty")).containsExactly(new Run("** empty", Style.PLAIN));
    }

    @Test
    void boldDoesNotSpanLines() {
        assertThat(BubbleText.parse("*one\ntwo*")).containsExactly(new Run("*one\ntwo*", Style.PLAIN));
        assertThat(BubbleText.parse("*Balance*\n*Rewards*")).containsExactly(
                new Run("Balance", Style.BOLD), new Run("\n", Style.PLAIN), new Run("Rewards", Style.BOLD));
    }

    @Test
    void plainDropsTheMarkers() {
        assertThat(BubbleText.plain("Code: ```AB12``` valid till *31 Mar*")).isEqualTo("Code: AB12 valid till 31 Mar");
    }
}
