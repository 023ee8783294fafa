package io.loyaltyhub.host.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.host.chat.WhatsAppUser;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.loyaltyhub.host.notifications.NotificationFixture.ok;
import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every trigger end to end through the packaged plugins, the real database and WireMock playing the Graph API and
 * the Bot API: real bills, redemptions, referrals, approvals and jobs turn into WhatsApp and Telegram messages, free
 * text inside the 24-hour window and the approved template (Meta's exact JSON for named parameters) outside it.
 */
class NotificationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    static NotificationFixture f;

    @BeforeAll
    static void start() throws Exception {
        // 10:30 in Asia/Kolkata: outside the quiet hours
        f = new NotificationFixture("notifications", LocalDate.now(ZoneOffset.UTC).atTime(5, 0).toInstant(ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void outsideTheWindowTheApprovedTemplateGoesWithNamedParametersAsMetaDocuments() throws Exception {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Asha Verma", "en");
        JsonNode welcome = f.awaitNotification(id, "welcome", "SENT");
        assertThat(welcome.get("asTemplate").asBoolean()).isTrue();
        f.bill("NT-OUT-1", mobile, "2500");
        JsonNode earned = f.awaitNotification(id, "points-earned", "SENT");
        assertThat(earned.get("templateVersion").asInt()).isEqualTo(1);

        List<JsonNode> sent = f.awaitRequests(mobile, 2);
        Matcher m = Pattern.compile("earned you \\*(\\d+) points\\*. Your balance is now (\\d+) points")
                .matcher(earned.get("text").asText());
        assertThat(m.find()).as(earned.get("text").asText()).isTrue();
        JsonNode expected = JSON.readTree("""
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
        // the customer's message history shows what sent it, with the template version
        Reply history = f.server.get("/api/v1/chat/messages?user=" + mobile.replace("+", "%2B"), API_KEY);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().findValuesAsText("tag")).contains("points-earned v1", "welcome v1");
    }

    @Test
    void insideTheWindowItIsFreeTextWithTheTemplateAsFallback() {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Ravi Kumar", "en");
        f.awaitNotification(id, "welcome", "SENT");
        WhatsAppUser ravi = new WhatsAppUser(mobile, f.server, f.meta, f.webhooks);
        ravi.skipSeen(1);
        ravi.says("hi"); // opens the 24-hour window
        int before = f.meta.requestsTo(mobile).size();
        f.bill("NT-IN-1", mobile, "1000");
        JsonNode earned = f.awaitNotification(id, "points-earned", "SENT");
        assertThat(earned.get("asTemplate").asBoolean()).isFalse();
        JsonNode text = f.awaitRequests(mobile, before + 1).get(before);
        assertThat(text.path("type").asText()).isEqualTo("text");
        assertThat(text.path("text").path("body").asText())
                .matches("Hi Ravi, your bill NT-IN-1 of INR 1000.00 earned you \\*\\d+ points\\*\\. Your balance is now \\d+ points\\.");
        String fallback = f.server.jdbcString("SELECT fallback FROM chat_outbound WHERE id = " + earned.get("outboundId"));
        assertThat(fallback).as("the template goes instead should the window close first").contains("loyalty_points_earned");
    }

    @Test
    void aHindiReaderGetsTheHindiTemplate() {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Sunita", "hi");
        JsonNode logged = f.awaitNotification(id, "welcome", "SENT");
        JsonNode sent = f.awaitRequests(mobile, 1).get(0);
        assertThat(sent.path("template").path("language").path("code").asText()).isEqualTo("hi");
        assertThat(logged.get("language").asText()).isEqualTo("hi");
        assertThat(logged.get("text").asText()).startsWith("हमारे रिवॉर्ड क्लब में स्वागत है, Sunita!");
    }

    @Test
    void tierUpgradeRedemptionVoucherReminderFriendAndRewardWithinReach() {
        Reply reward = f.server.post("/api/v1/rewards", API_KEY, "{\"name\":\"Movie ticket\",\"pointsCost\":3000,"
                + "\"voucherDays\":2}");
        assertThat(reward.status()).as(reward.body()).isEqualTo(201);
        // the listener's copy of the reward catalog refreshes within seconds: a new customer's big bill until it has it
        String[] customer = new String[1];
        long[] ids = new long[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            customer[0] = f.newMobile();
            ids[0] = f.join(customer[0], "Neha", "en");
            ok(f.server.post("/api/v1/customers/" + ids[0] + "/marketing-consent", API_KEY,
                    "{\"marketing\":true,\"source\":\"api\"}"));
            f.bill("NT-BIG-" + ids[0], customer[0], "600000");
            Thread.sleep(500);
            assertThat(f.notifications(ids[0], "reward-in-reach").size()).isPositive();
        });
        long id = ids[0];
        JsonNode tier = f.awaitNotification(id, "tier-upgraded", "SENT");
        assertThat(tier.get("text").asText()).startsWith("Congratulations Neha! You are now a *");
        JsonNode inReach = f.notifications(id, "reward-in-reach").get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> f.notifications(id, "reward-in-reach").get(0).get("status")
                .asText().equals("SENT"));
        assertThat(inReach.get("category").asText()).isEqualTo("MARKETING");

        Reply voucher = f.server.send("POST", "/api/v1/rewards/" + reward.json().get("id").asLong() + "/redemptions",
                API_KEY, "{\"customerId\":" + id + "}", "nt-redeem-" + id);
        assertThat(voucher.status()).as(voucher.body()).isEqualTo(201);
        String code = voucher.json().get("code").asText();
        JsonNode redeemed = f.awaitNotification(id, "reward-redeemed", "SENT");
        assertThat(redeemed.get("text").asText()).contains("voucher code *" + code + "*");

        runJob("notifications.voucher-reminders"); // expires in 2 days: within the 3-day reminder
        JsonNode reminder = f.awaitNotification(id, "voucher-expiring", "SENT");
        assertThat(reminder.get("text").asText()).contains(code);
        runJob("notifications.voucher-reminders");
        assertThat(f.notifications(id, "voucher-expiring").size()).as("once per voucher").isEqualTo(1);

        String referral = f.server.get("/api/v1/customers/" + id + "/referral", API_KEY).json().get("code").asText();
        Reply friend = f.server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + f.newMobile()
                + "\",\"name\":\"Vikram Rao\",\"referralCode\":\"" + referral + "\"}");
        assertThat(friend.status()).as(friend.body()).isEqualTo(201);
        JsonNode thanks = f.awaitNotification(id, "friend-joined", "SENT");
        assertThat(thanks.get("text").asText()).isEqualTo("Thank you Neha! Vikram joined with your code.");
    }

    private static void runJob(String id) {
        try {
            f.server.server().jobs().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow().run(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void affiliatesHearOnTelegramAboutApprovalCommissionAndPayout() {
        Reply applied = f.server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Meera Iyer\",\"mobile\":\"9845077123\","
                + "\"telegramUserId\":555000111,\"payoutDetails\":\"UPI: meera@okaxis\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String affiliateId = applied.json().get("id").asText();
        String code = applied.json().get("code").asText();
        ok(f.server.post("/api/v1/affiliates/" + affiliateId + "/approve", API_KEY, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.telegram.textsTo("555000111").size() == 1);
        assertThat(f.telegram.textsTo("555000111").get(0)).contains("Good news, Meera: your application is approved!", code);

        String mobile = f.newMobile();
        f.join(mobile, "Referred", "en");
        ok(f.server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"NT-AFF-1\",\"billedAt\":\""
                + f.clock.instant().minusSeconds(60) + "\",\"customerMobile\":\"" + mobile
                + "\",\"amount\":40000,\"currency\":\"INR\",\"storeId\":\"BLR-1\",\"affiliateCode\":\"" + code + "\"}"));
        JsonNode[] commission = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode list = f.server.get("/api/v1/commissions?affiliateId=" + affiliateId, API_KEY).json();
            commission[0] = list.size() > 0 ? list.get(0) : null;
            return commission[0] != null;
        });
        ok(f.server.post("/api/v1/commissions/" + commission[0].get("id").asText() + "/approve", API_KEY, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.telegram.textsTo("555000111").size() == 2);
        assertThat(f.telegram.textsTo("555000111").get(1)).contains("your commission of INR", "for bill NT-AFF-1 is approved");

        Reply payout = f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + affiliateId + "}");
        if (payout.status() == 201) { // above the plan's minimum payout
            ok(f.server.post("/api/v1/payouts/" + payout.json().get("id").asText() + "/pay", API_KEY,
                    "{\"method\":\"UPI\",\"reference\":\"UTR-889900\"}"));
            await().atMost(Duration.ofSeconds(20)).until(() -> f.telegram.textsTo("555000111").size() == 3);
            assertThat(f.telegram.textsTo("555000111").get(2)).contains("has been paid (UPI, reference UTR-889900)");
        } else {
            assertThat(payout.status()).as(payout.body()).isEqualTo(422);
        }

        ok(f.server.post("/api/v1/affiliates/" + affiliateId + "/suspend", API_KEY, "{\"reason\":\"self-referrals\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.telegram.textsTo("555000111").stream()
                .anyMatch(t -> t.contains("suspended. Reason: self-referrals")));

        Reply other = f.server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Dev\",\"mobile\":\"9845077124\","
                + "\"telegramUserId\":555000112}");
        ok(f.server.post("/api/v1/affiliates/" + other.json().get("id").asText() + "/reject", API_KEY,
                "{\"reason\":\"no shop\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.telegram.textsTo("555000112").stream()
                .anyMatch(t -> t.contains("was not approved. Reason: no shop")));
    }

    @Test
    void aRedeliveredEventWritesNoSecondNotification() throws Exception {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Kiran", "en");
        f.bill("NT-REDELIVER-1", mobile, "1500");
        f.awaitNotification(id, "points-earned", "SENT");
        String eventId = f.server.jdbcString("SELECT event_id FROM notify_message WHERE dedup_key = 'points-earned:NT-REDELIVER-1'");
        try (var c = f.server.jdbc(); var s = c.createStatement()) {
            // the host forgets it delivered the event to the listener, and delivers it again
            s.executeUpdate("DELETE FROM applied_event WHERE event_id = '" + eventId + "' AND listener_id = 'notifications.events'");
            s.executeUpdate("UPDATE event_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = '2000-01-01' "
                    + "WHERE event_id = '" + eventId + "' AND listener_id = 'notifications.events'");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> f.server.count("SELECT COUNT(*) FROM applied_event WHERE event_id = '"
                + eventId + "' AND listener_id = 'notifications.events'") == 1);
        Thread.sleep(1500);
        assertThat(f.server.count("SELECT COUNT(*) FROM notify_message WHERE dedup_key = 'points-earned:NT-REDELIVER-1'"))
                .isEqualTo(1);
        assertThat(f.templatesTo(mobile, "loyalty_points_earned")).hasSize(1);
    }

    @Test
    void everyShippedMessageFitsItsChannel() {
        JsonNode templates = f.server.get("/api/v1/notification-templates", API_KEY).json();
        assertThat(templates.size()).isEqualTo(14 * 2);
        for (JsonNode t : templates) {
            Reply preview = f.server.post("/api/v1/notification-templates/preview", API_KEY, "{\"trigger\":\""
                    + t.get("trigger").asText() + "\",\"body\":" + t.get("body") + "}");
            assertThat(preview.status()).as(preview.body()).isEqualTo(200);
            assertThat(preview.json().get("problems").size()).as(preview.body()).isZero();
            assertThat(preview.json().get("length").asInt()).isLessThanOrEqualTo(1024); // a template body's limit too
            assertThat(preview.json().get("text").asText()).doesNotContain("{{");
        }
    }
}
