package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.api.chat.WaTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading templates as Meta's {@code GET /{waba}/message_templates} lists them. */
class TemplateCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNamedTemplateListsItsParametersInTheOrderTheBodyUsesThem() throws Exception {
        WaTemplate t = TemplateCatalog.fromGraph(JSON.readTree("""
                {"name":"loyalty_points_earned","parameter_format":"NAMED","components":[
                  {"type":"HEADER","format":"TEXT","text":"Points"},
                  {"type":"BODY","text":"Hi {{name}}, bill {{bill_number}}: {{points}} points. Thanks {{name}}!",
                   "example":{"body_text_named_params":[{"param_name":"name","example":"Asha"}]}},
                  {"type":"FOOTER","text":"Reply STOP to opt out"}],
                 "language":"en","status":"APPROVED","category":"UTILITY","id":"1234567890"}
                """));
        assertThat(t.name()).isEqualTo("loyalty_points_earned");
        assertThat(t.named()).isTrue();
        assertThat(t.approved()).isTrue();
        assertThat(t.parameters()).containsExactly("name", "bill_number", "points");
        assertThat(t.body()).startsWith("Hi {{name}}");
    }

    @Test
    void aPositionalTemplateWithoutParameterFormatIsPositional() throws Exception {
        WaTemplate t = TemplateCatalog.fromGraph(JSON.readTree("""
                {"name":"loyalty_update","components":[{"type":"BODY","text":"{{1}} and {{2}}"}],
                 "language":"en_US","status":"PAUSED","category":"MARKETING","id":"1"}
                """));
        assertThat(t.named()).isFalse();
        assertThat(t.approved()).isFalse();
        assertThat(t.parameters()).containsExactly("1", "2");
        assertThat(t.language()).isEqualTo("en_US");
    }
}
