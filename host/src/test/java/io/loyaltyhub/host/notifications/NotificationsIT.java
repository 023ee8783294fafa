package io.loyaltyhub.host.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.host.chat.MetaGraphApi;
import io.loyaltyhub.host.chat.MetaWebhooks;
import io.loyaltyhub.host.chat.TelegramBotApi;
import io.loyaltyhub.host.chat.WhatsAppUser;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every trigger end to end through the packaged plugins, the real database and WireMock playing the Graph API and
 * the Bot API: real bills, redemptions and jobs turn into WhatsApp and Telegram messages, free text inside the
 * 24-hour window and the approved template (Meta's exact JSON for named parameters) outside it.
 */
class NotificationsIT {
    private static final AtomicInteger MOBILES = new AtomicInteger(100);
    static MetaGraphApi meta;
    static TelegramBotApi telegram;
    static TestServer server;
    static MetaWebhooks webhooks;
    /** 10:30 in Asia/Kolkata: outside the quiet hours. */
    static final MutableClock CLOCK = new MutableClock(LocalDate.now(ZoneOffset.UTC).atTime(5, 0).toInstant(ZoneOffset.UTC));

    @BeforeAll
    static void start() throws Exception {
        meta = new MetaGraphApi();
        telegram = new TelegramBotApi();
        meta.stubTemplates(ShippedWhatsAppTemplates.approved(), 10);
        server = TestServer.start("notifications", TestServer.shippedPlugins(), CLOCK, c -> c.withChat(
                meta.chatConfig(Duration.ofSeconds(5), telegram.chatConfig(TelegramConfig.Mode.WEBHOOK,
                        Duration.ofSeconds(5)).telegram())));
        webhooks = new MetaWebhooks(server.base());
        ok(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY, "{\"pending-hold\":\"0d\"}", null));
        Reply synced = server.post("/api/v1/whatsapp-templates/sync", API_KEY, null);
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        assertThat(synced.json().size()).as("every page read").isEqualTo(ShippedWhatsAppTemplates.approved().size());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (meta != null) {
            meta.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    static Reply ok(Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
        return r;
    }

    static String newMobile() {
        return "+9197310" + String.format("%05d", MOBILES.incrementAndGet());
    }

    static long join(String mobile, String name, String language) {
        Reply r = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"" + name
                + "\",\"language\":\"" + language + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static void bill(String number, String mobile, String amount) {
        ok(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"" + number + "\",\"billedAt\":\""
                + CLOCK.instant().minusSeconds(60) + "\",\"customerMobile\":\"" + mobile + "\",\"amount\":" + amount
                + ",\"currency\":\"INR\",\"storeId\":\"BLR-1\"}"));
    }

    /** The customer's notification of {@code trigger} once it reached {@code status}. */
    static JsonNode awaitNotification(long customerId, String trigger, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Reply r = server.get("/api/v1/notifications?customerId=" + customerId + "&trigger=" + trigger, API_KEY);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().size()).as(r.body()).isEqualTo(1);
            assertThat(r.json().get(0).get("status").asText()).as(r.body()).isEqualTo(status);
            found[0] = r.json().get(0);
        });
        return found[0];
    }

    /** The WhatsApp requests to {@code mobile} once there are {@code n}. */
    static List<JsonNode> awaitRequests(String mobile, int n) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> meta.requestsTo(mobile).size() >= n);
        return meta.requestsTo(mobile);
    }

    @Test
    void outsideTheWindowTheApprovedTemplateGoesWithNamedParametersAsMetaDocuments() throws Exception {
        String mobile = newMobile();
        long id = join(mobile, "Asha Verma", "en");
        JsonNode welcome = awaitNotification(id, "welcome", "SENT");
        assertThat(welcome.get("asTemplate").asBoolean()).isTrue();
        bill("NT-OUT-1", mobile, "2500");
        JsonNode earned = awaitNotification(id, "points-earned", "SENT");
        assertThat(earned.get("templateVersion").asInt()).isEqualTo(1);

        List<JsonNode> sent = awaitRequests(mobile, 2);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("earned you \\*(\\d+) points\\*. Your balance is now "
                + "(\\d+) points").matcher(earned.get("text").asText());
        assertThat(m.find()).as(earned.get("text").asText()).isTrue();
        JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "template":{"name":"loyalty_points_earned","language":{"code":"en"},
                  "components":[{"type":"body","parameters":[
                    {"type":"text","parameter_name":"name","text":"Asha"},
                    {"type":"text","parameter_name":"bill_number","text":"NT-OUT-1"},
                    {"type":"text","parameter_name":"amount","text":"INR 2500.00"},
                    {"type":"text","parameter_name":"points","text":"%s"},
                    {"type":"text","parameter_name":"balance","text":"%s"}]}]}}
                """.formatted(mobile.substring(1), m.group(1), m.group(2)));
        assertThat(sent.get(1)).isEqualTo(expected);
        assertThat(sent.get(0).path("template").path("name").asText()).isEqualTo("loyalty_welcome");
    }

    @Test
    void insideTheWindowItIsFreeTextWithTheTemplateAsFallback() {
        String mobile = newMobile();
        long id = join(mobile, "Ravi Kumar", "en");
        awaitNotification(id, "welcome", "SENT");
        WhatsAppUser ravi = new WhatsAppUser(mobile, server, meta, webhooks);
        ravi.skipSeen(1);
        ravi.says("hi"); // opens the 24-hour window
        int before = meta.requestsTo(mobile).size();
        bill("NT-IN-1", mobile, "1000");
        JsonNode earned = awaitNotification(id, "points-earned", "SENT");
        assertThat(earned.get("asTemplate").asBoolean()).isFalse();
        JsonNode text = awaitRequests(mobile, before + 1).get(before);
        assertThat(text.path("type").asText()).isEqualTo("text");
        assertThat(text.path("text").path("body").asText())
                .matches("Hi Ravi, your bill NT-IN-1 of INR 1000.00 earned you \\*\\d+ points\\*\\. Your balance is now \\d+ points\\.");
    }

    @Test
    void aHindiReaderGetsTheHindiTemplate() {
        String mobile = newMobile();
        long id = join(mobile, "Sunita", "hi");
        awaitNotification(id, "welcome", "SENT");
        JsonNode sent = awaitRequests(mobile, 1).get(0);
        assertThat(sent.path("template").path("language").path("code").asText()).isEqualTo("hi");
        JsonNode logged = awaitNotification(id, "welcome", "SENT");
        assertThat(logged.get("language").asText()).isEqualTo("hi");
        assertThat(logged.get("text").asText()).startsWith("हमारे रिवॉर्ड क्लब में स्वागत है, Sunita!");
    }

    @Test
    void affiliatesHearOnTelegram() {
        Reply applied = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Meera Iyer\",\"mobile\":\"9845077123\","
                + "\"telegramUserId\":555000111}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String affiliateId = applied.json().get("id").asText();
        ok(server.post("/api/v1/affiliates/" + affiliateId + "/approve", API_KEY, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.textsTo("555000111").isEmpty());
        assertThat(telegram.textsTo("555000111").get(0)).contains("Good news, Meera: your application is approved!",
                applied.json().get("code").asText());
    }

    @Test
    void aRedeliveredEventWritesNoSecondNotification() throws Exception {
        String mobile = newMobile();
        long id = join(mobile, "Kiran", "en");
        bill("NT-REDELIVER-1", mobile, "1500");
        awaitNotification(id, "points-earned", "SENT");
        String eventId = server.jdbcString("SELECT event_id FROM notify_message WHERE dedup_key = 'points-earned:NT-REDELIVER-1'");
        try (var c = server.jdbc(); var s = c.createStatement()) {
            // the host forgets it delivered the event to the listener, and delivers it again
            s.executeUpdate("DELETE FROM applied_event WHERE event_id = '" + eventId + "' AND listener_id = 'notifications.events'");
            s.executeUpdate("UPDATE event_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = '2000-01-01' "
                    + "WHERE event_id = '" + eventId + "' AND listener_id = 'notifications.events'");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("SELECT COUNT(*) FROM event_delivery WHERE event_id = '"
                + eventId + "' AND listener_id = 'notifications.events' AND status = 'DONE'") == 1);
        Thread.sleep(1500);
        assertThat(server.count("SELECT COUNT(*) FROM notify_message WHERE dedup_key = 'points-earned:NT-REDELIVER-1'"))
                .isEqualTo(1);
        assertThat(meta.requestsTo(mobile).stream().filter(r -> r.path("template").path("name").asText()
                .equals("loyalty_points_earned"))).hasSize(1);
    }
}
