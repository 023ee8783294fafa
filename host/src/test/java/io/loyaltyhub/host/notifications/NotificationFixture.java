package io.loyaltyhub.host.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.host.chat.MetaGraphApi;
import io.loyaltyhub.host.chat.MetaWebhooks;
import io.loyaltyhub.host.chat.TelegramBotApi;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server with every shipped plugin, WhatsApp on WireMock (the shipped templates approved and synced) and Telegram
 * on WireMock, on a clock the test moves; and the steps notification tests take.
 */
final class NotificationFixture implements AutoCloseable {
    private static final AtomicInteger MOBILES = new AtomicInteger(100);
    final MetaGraphApi meta;
    final TelegramBotApi telegram;
    final TestServer server;
    final MetaWebhooks webhooks;
    final MutableClock clock;

    NotificationFixture(String label, Instant start) throws Exception {
        clock = new MutableClock(start);
        meta = new MetaGraphApi();
        telegram = new TelegramBotApi();
        meta.stubTemplates(ShippedWhatsAppTemplates.approved(), 10);
        server = TestServer.start(label, TestServer.shippedPlugins(), clock, c -> c.withChat(
                meta.chatConfig(Duration.ofSeconds(5), telegram.chatConfig(TelegramConfig.Mode.WEBHOOK,
                        Duration.ofSeconds(5)).telegram())));
        webhooks = new MetaWebhooks(server.base());
        ok(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY, "{\"pending-hold\":\"0d\"}", null));
        Reply synced = server.post("/api/v1/whatsapp-templates/sync", API_KEY, null);
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().size()).as("every page read").isEqualTo(ShippedWhatsAppTemplates.approved().size());
    }

    @Override
    public void close() {
        server.close();
        meta.close();
        telegram.close();
    }

    static Reply ok(Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
        return r;
    }

    String newMobile() {
        return "+9197310" + String.format("%05d", MOBILES.incrementAndGet());
    }

    long join(String mobile, String name, String language) {
        Reply r = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"" + name
                + "\",\"language\":\"" + language + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    void bill(String number, String mobile, String amount) {
        ok(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"" + number + "\",\"billedAt\":\""
                + clock.instant().minusSeconds(60) + "\",\"customerMobile\":\"" + mobile + "\",\"amount\":" + amount
                + ",\"currency\":\"INR\",\"storeId\":\"BLR-1\"}"));
    }

    /** The customer's notifications of {@code trigger}, newest first. */
    JsonNode notifications(long customerId, String trigger) {
        Reply r = server.get("/api/v1/notifications?customerId=" + customerId + "&trigger=" + trigger, API_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The customer's one notification of {@code trigger} once it reached {@code status}. */
    JsonNode awaitNotification(long customerId, String trigger, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode all = notifications(customerId, trigger);
            assertThat(all.size()).as(all.toString()).isEqualTo(1);
            assertThat(all.get(0).get("status").asText()).as(all.toString()).isEqualTo(status);
            found[0] = all.get(0);
        });
        return found[0];
    }

    /** The WhatsApp requests to {@code mobile} once there are {@code n}. */
    List<JsonNode> awaitRequests(String mobile, int n) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> meta.requestsTo(mobile).size() >= n);
        return meta.requestsTo(mobile);
    }

    /** The template messages to {@code mobile} named {@code template}. */
    List<JsonNode> templatesTo(String mobile, String template) {
        return meta.requestsTo(mobile).stream().filter(r -> r.path("template").path("name").asText().equals(template))
                .toList();
    }
}
