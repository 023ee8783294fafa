package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.chat.WaTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComposerTest {
    private static final WhatsAppMapping MAPPING = new WhatsAppMapping("loyalty_points_earned", "en",
            List.of("name", "billNumber", "points"));

    private static WaTemplate wa(String format, List<String> params) {
        return new WaTemplate("loyalty_points_earned", "en", "APPROVED", "UTILITY", format, params, "", null, null);
    }

    @Test
    void namedValuesGoUnderTheTemplatesOwnNamesAndEmptyOnesAsADash() {
        Reply.Template t = Composer.template(wa("NAMED", List.of("name", "bill_number", "points")), MAPPING,
                Map.of("name", "Asha", "billNumber", "B-1", "points", ""), "text");
        assertThat(t.paramNames()).containsExactly("name", "bill_number", "points");
        assertThat(t.params()).containsExactly("Asha", "B-1", "-");
        assertThat(t.fallbackText()).isEqualTo("text");
    }

    @Test
    void positionalTemplatesGetNoNames() {
        Reply.Template t = Composer.template(wa("POSITIONAL", List.of("1", "2", "3")), MAPPING,
                Map.of("name", "Asha", "billNumber", "B-1", "points", "5"), "text");
        assertThat(t.paramNames()).isEmpty();
    }

    @Test
    void aTemplateChangedInWhatsAppManagerOrKnownOnlyFromAWebhookIsUnfit() {
        assertThat(Composer.unfit(wa("NAMED", List.of("name", "bill_number", "points")), MAPPING)).isEmpty();
        assertThat(Composer.unfit(wa("NAMED", List.of("name", "points")), MAPPING)).get().asString()
                .contains("has 2 body parameters, the mapping gives 3");
        assertThat(Composer.unfit(wa("UNKNOWN", List.of()), MAPPING)).get().asString()
                .contains("known only from a status webhook");
    }
}
