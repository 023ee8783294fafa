package io.loyaltyhub.plugins.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedTemplatesTest {

    @Test
    void everyTriggerShipsInEnglishAndHindiWithKnownVariablesWithinTheLimits() {
        for (Trigger t : Trigger.values()) {
            for (String language : ShippedTemplates.LANGUAGES) {
                TemplateContent c = ShippedTemplates.of(t, language).orElseThrow(() ->
                        new AssertionError(t.id + " has no " + language + " template"));
                assertThat(TemplateText.problems(c.body(), t)).as(t.id + "/" + language).isEmpty();
                String text = TemplateText.render(c.body(), SampleData.of(t));
                assertThat(text.length()).as(t.id + "/" + language).isLessThanOrEqualTo(Templates.MAX_TEMPLATE_BODY);
                assertThat(c.whatsapp() != null).as(t.id + " maps to WhatsApp only for customers")
                        .isEqualTo(t.audience == Trigger.Audience.CUSTOMER);
            }
        }
    }

    @Test
    void whatsAppNamesAreMetasLowerCaseWithUnderscores() {
        assertThat(ShippedTemplates.whatsappName(Trigger.POINTS_EARNED)).isEqualTo("loyalty_points_earned");
        assertThat(ShippedTemplates.snake("billNumber")).isEqualTo("bill_number");
        assertThat(ShippedTemplates.snake("name")).isEqualTo("name");
    }
}
