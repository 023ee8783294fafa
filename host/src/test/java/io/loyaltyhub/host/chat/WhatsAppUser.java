package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.host.testing.TestServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer on WhatsApp, as a test drives one: sends text or taps what the bot offered (through
 * signed Meta-shaped webhooks) and reads the bot's answer from what reached WireMock.
 */
public final class WhatsAppUser {
    public final String mobile;
    private final TestServer server;
    private final MetaGraphApi meta;
    private final MetaWebhooks webhooks;
    private int seen;
    private List<JsonNode> last = List.of();

    public WhatsAppUser(String mobile, TestServer server, MetaGraphApi meta, MetaWebhooks webhooks) {
        this.mobile = mobile;
        this.server = server;
        this.meta = meta;
        this.webhooks = webhooks;
    }

    /** Types a message; returns the bot's answer (every message it sent for this one). */
    public List<JsonNode> says(String text) {
        String id = MetaWebhooks.newMessageId();
        return deliver(id, MetaWebhooks.text(mobile, id, text));
    }

    /** Taps a button or list row the bot offered in its last answer (fails if it was not offered). */
    public List<JsonNode> taps(String choiceId) {
        JsonNode offered = offered(choiceId);
        assertThat(offered).as("choice %s offered in %s", choiceId, last).isNotNull();
        String id = MetaWebhooks.newMessageId();
        ObjectNode d = offered.has("description")
                ? MetaWebhooks.listReply(mobile, id, choiceId, offered.path("title").asText(),
                offered.path("description").asText())
                : MetaWebhooks.buttonReply(mobile, id, choiceId, offered.path("title").asText());
        return deliver(id, d);
    }

    /** The first offered choice whose id starts with {@code prefix}. */
    String offeredStartingWith(String prefix) {
        return choices().stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing starting with " + prefix + " offered in " + last));
    }

    List<JsonNode> deliver(String messageId, ObjectNode delivery) {
        assertThat(webhooks.post(delivery)).isEqualTo(200);
        return awaitAnswer(messageId);
    }

    List<JsonNode> awaitAnswer(String messageId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> server.count(
                "SELECT COUNT(*) FROM chat_inbound WHERE message_id = '" + messageId + "' AND status = 'DONE'") == 1);
        long replies = server.count("SELECT COUNT(*) FROM chat_outbound WHERE idempotency_key LIKE 'whatsapp:"
                + messageId + ":%'");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> meta.requestsTo(mobile).size() >= seen + replies);
        List<JsonNode> all = meta.requestsTo(mobile);
        last = List.copyOf(all.subList(seen, (int) (seen + replies)));
        seen += (int) replies;
        return last;
    }

    /** Treats the first {@code n} messages to this user as already read (e.g. from before a restart). */
    public void skipSeen(int n) {
        seen = n;
    }

    List<JsonNode> last() {
        return last;
    }

    /** All text the last answer showed: bodies, button titles, row titles and descriptions. */
    String lastText() {
        StringBuilder b = new StringBuilder();
        for (JsonNode m : last) {
            b.append(m.path("text").path("body").asText()).append('\n');
            JsonNode i = m.path("interactive");
            b.append(i.path("body").path("text").asText()).append('\n');
            i.path("action").path("buttons").forEach(x -> b.append(x.path("reply").path("title").asText()).append('\n'));
            i.path("action").path("sections").forEach(s -> s.path("rows").forEach(r -> b.append(r.path("title").asText())
                    .append(" ").append(r.path("description").asText()).append('\n')));
        }
        return b.toString();
    }

    List<String> choices() {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : last) {
            JsonNode action = m.path("interactive").path("action");
            action.path("buttons").forEach(x -> ids.add(x.path("reply").path("id").asText()));
            action.path("sections").forEach(s -> s.path("rows").forEach(r -> ids.add(r.path("id").asText())));
        }
        return ids;
    }

    private JsonNode offered(String choiceId) {
        for (JsonNode m : last) {
            JsonNode action = m.path("interactive").path("action");
            for (JsonNode x : action.path("buttons")) {
                if (x.path("reply").path("id").asText().equals(choiceId)) {
                    return x.path("reply");
                }
            }
            for (JsonNode s : action.path("sections")) {
                for (JsonNode r : s.path("rows")) {
                    if (r.path("id").asText().equals(choiceId)) {
                        ObjectNode row = r.deepCopy();
                        if (!row.has("description")) {
                            row.put("description", "");
                        }
                        return row;
                    }
                }
            }
        }
        return null;
    }
}
