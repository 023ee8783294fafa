package io.loyaltyhub.plugins.notifications;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextTest {

    @Test
    void variablesInOrderOfFirstUseSpacesInsideBracesAllowed() {
        assertThat(TemplateText.variables("Hi {{ name }}, {{points}} points; {{name}} again"))
                .containsExactly("name", "points");
    }

    @Test
    void unknownVariablesAndBrokenBracesAreNamed() {
        assertThat(TemplateText.problems("Hi {{name}}, {{pointz}} and {{1}} and {{first name}}", Trigger.POINTS_EARNED))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("unknown variable {{pointz}}; points-earned has {{name}}, "))
                .anySatisfy(p -> assertThat(p).startsWith("'{{1}}' is not a variable"))
                .anySatisfy(p -> assertThat(p).startsWith("'{{first name}}' is not a variable"));
        assertThat(TemplateText.problems("Hi {{name}}, {{points}} of {{balance}}", Trigger.POINTS_EARNED)).isEmpty();
        assertThat(TemplateText.problems("{{voucherCode}}", Trigger.POINTS_EARNED)).hasSize(1);
    }

    @Test
    void renderFillsValuesAndNeverLeavesAPlaceholder() {
        assertThat(TemplateText.render("Hi {{name}}, {{ points }} pts {{missing}}.", Map.of("name", "A$ha \\1",
                "points", "12"))).isEqualTo("Hi A$ha \\1, 12 pts .");
    }
}
