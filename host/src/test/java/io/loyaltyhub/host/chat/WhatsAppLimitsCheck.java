package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts a Cloud API request body is inside WhatsApp's limits (what Meta would refuse otherwise). */
final class WhatsAppLimitsCheck {
    private WhatsAppLimitsCheck() {
    }

    static void assertWithinLimits(JsonNode m) {
        String type = m.path("type").asText();
        assertThat(m.path("messaging_product").asText()).isEqualTo("whatsapp");
        switch (type) {
            case "text" -> assertThat(m.path("text").path("body").asText()).isNotBlank().hasSizeLessThanOrEqualTo(4096);
            case "template" -> assertThat(m.path("template").path("name").asText()).isNotBlank();
            case "interactive" -> {
                JsonNode i = m.path("interactive");
                String kind = i.path("type").asText();
                String body = i.path("body").path("text").asText();
                assertThat(body).as("body of %s", m).isNotBlank();
                if (kind.equals("button")) {
                    assertThat(body).hasSizeLessThanOrEqualTo(1024);
                    JsonNode buttons = i.path("action").path("buttons");
                    assertThat(buttons.size()).isBetween(1, 3);
                    Set<String> titles = new HashSet<>();
                    Set<String> ids = new HashSet<>();
                    for (JsonNode b : buttons) {
                        String title = b.path("reply").path("title").asText();
                        assertThat(title).as("button title in %s", m).isNotBlank().hasSizeLessThanOrEqualTo(20);
                        assertThat(titles.add(title)).as("unique button titles in %s", m).isTrue();
                        assertThat(ids.add(b.path("reply").path("id").asText())).isTrue();
                        assertThat(b.path("reply").path("id").asText()).hasSizeLessThanOrEqualTo(256);
                    }
                } else if (kind.equals("request_contact_info")) {
                    assertThat(body).hasSizeLessThanOrEqualTo(1024);
                    assertThat(i.path("action").path("name").asText()).isEqualTo("request_contact_info");
                    assertThat(m.has("recipient") != m.has("to")).as("one recipient in %s", m).isTrue();
                } else {
                    assertThat(kind).isEqualTo("list");
                    assertThat(body).hasSizeLessThanOrEqualTo(4096);
                    assertThat(i.path("action").path("button").asText()).isNotBlank().hasSizeLessThanOrEqualTo(20);
                    int rows = 0;
                    Set<String> ids = new HashSet<>();
                    for (JsonNode s : i.path("action").path("sections")) {
                        for (JsonNode r : s.path("rows")) {
                            rows++;
                            assertThat(r.path("title").asText()).as("row title in %s", m).isNotBlank()
                                    .hasSizeLessThanOrEqualTo(24);
                            assertThat(r.path("description").asText("")).hasSizeLessThanOrEqualTo(72);
                            assertThat(r.path("id").asText()).hasSizeLessThanOrEqualTo(200);
                            assertThat(ids.add(r.path("id").asText())).as("unique row ids in %s", m).isTrue();
                        }
                    }
                    assertThat(rows).isBetween(1, 10);
                }
            }
            default -> throw new AssertionError("unexpected message type " + type + ": " + m);
        }
    }
}
