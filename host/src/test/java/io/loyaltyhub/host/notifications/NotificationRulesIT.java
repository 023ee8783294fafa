package io.loyaltyhub.host.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.chat.MetaGraphApi;
import io.loyaltyhub.host.chat.MetaWebhooks;
import io.loyaltyhub.host.chat.WhatsAppUser;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyhub.host.notifications.NotificationFixture.ok;
import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rules a notification goes by, each through the real server with WireMock as the Graph API: consent and the
 * marketing opt-in (STOP OFFERS, WhatsApp's own stop), the weekly cap, quiet hours on a moved clock, the 24-hour
 * window and the template's status, Meta's 131049 and 131050, retries from the log, and templates refused on save.
 * In order: later tests move the clock forward.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationRulesIT {
    static NotificationFixture f;

    @BeforeAll
    static void start() throws Exception {
        // 10:30 in Asia/Kolkata: outside the quiet hours
        f = new NotificationFixture("notification-rules",
                LocalDate.now(ZoneOffset.UTC).atTime(5, 0).toInstant(ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    static long reward(String name, long cost) throws InterruptedException {
        Reply r = f.server.post("/api/v1/rewards", API_KEY, "{\"name\":\"" + name + "\",\"pointsCost\":" + cost
                + ",\"voucherDays\":30}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Thread.sleep(6000); // the listener's copy of the catalog is at most 5 seconds old
        return r.json().get("id").asLong();
    }

    static long balance(long customerId) {
        return f.server.get("/api/v1/customers/" + customerId + "/points", API_KEY).json().get("available").asLong();
    }

    static JsonNode customer(long id) {
        return f.server.get("/api/v1/customers/" + id, API_KEY).json();
    }

    static String wamidOf(JsonNode notification) {
        return f.server.jdbcString("SELECT provider_id FROM chat_outbound WHERE id = " + notification.get("outboundId"));
    }

    @Test
    @Order(1)
    void marketingNeedsTheOptInAndStopOffersEndsIt() throws Exception {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Anil", "en");
        reward("Coffee mug", balance(id) + 100);
        f.bill("RU-MKT-1", mobile, "100000");
        JsonNode refused = f.awaitNotification(id, "reward-in-reach", "REFUSED");
        assertThat(refused.get("reason").asText()).contains("has not opted in to marketing");
        assertThat(f.templatesTo(mobile, "loyalty_reward_in_reach")).isEmpty();

        f.awaitNotification(id, "points-earned", "SENT");
        f.awaitNotification(id, "welcome", "SENT");
        WhatsAppUser anil = new WhatsAppUser(mobile, f.server, f.meta, f.webhooks);
        anil.skipSeen(f.meta.requestsTo(mobile).size());
        assertThat(anil.says("START OFFERS").toString()).contains("you will get our offers");
        assertThat(customer(id).get("marketingAt").isNull()).isFalse();
        assertThat(anil.says("stop offers").toString()).contains("no more offers from us");
        assertThat(customer(id).get("marketingAt").isNull()).isTrue();
        assertThat(customer(id).get("status").asText()).as("STOP OFFERS is not STOP").isEqualTo("ACTIVE");
        JsonNode consents = f.server.get("/api/v1/customers/" + id + "/consents", API_KEY).json();
        assertThat(consents.findValuesAsText("kind")).containsSubsequence("marketing", "marketing");
    }

    @Test
    @Order(2)
    void theWeeklyMarketingCapRefusesTheOneTooMany() throws Exception {
        ok(f.server.send("PUT", "/api/v1/plugins/notifications/settings", API_KEY, "{\"marketing-per-week\":\"1\"}", null));
        String mobile = f.newMobile();
        long id = f.join(mobile, "Bela", "en");
        ok(f.server.post("/api/v1/customers/" + id + "/marketing-consent", API_KEY, "{\"marketing\":true}"));
        reward("Tote bag", balance(id) + 100);
        f.bill("RU-CAP-1", mobile, "100000");
        f.awaitNotification(id, "reward-in-reach", "SENT");
        reward("Water bottle", balance(id) + 100);
        f.bill("RU-CAP-2", mobile, "100000");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode all = f.notifications(id, "reward-in-reach");
            assertThat(all.size()).isEqualTo(2);
            assertThat(all.get(0).get("status").asText()).isEqualTo("REFUSED");
            assertThat(all.get(0).get("reason").asText()).contains("cap of 1 marketing messages per 7 days");
        });
        assertThat(f.templatesTo(mobile, "loyalty_reward_in_reach")).hasSize(1);
        ok(f.server.send("PUT", "/api/v1/plugins/notifications/settings", API_KEY, "{\"marketing-per-week\":\"2\"}", null));
    }

    @Test
    @Order(3)
    void anUnmappedTemplateOutsideTheWindowIsRefusedAndCanBeSentAgainOnceMapped() {
        JsonNode hindi = template("welcome", "hi");
        Reply unmapped = f.server.send("PUT", "/api/v1/notification-templates/" + hindi.get("id").asLong(), API_KEY,
                "{\"body\":" + hindi.get("body") + "}", null);
        assertThat(unmapped.status()).as(unmapped.body()).isEqualTo(200);
        assertThat(unmapped.json().get("version").asInt()).isEqualTo(2);

        String mobile = f.newMobile();
        long id = f.join(mobile, "Geeta", "hi");
        JsonNode refused = f.awaitNotification(id, "welcome", "REFUSED");
        assertThat(refused.get("reason").asText()).contains("outside the 24-hour window", "no WhatsApp template mapped");
        assertThat(f.meta.requestsTo(mobile)).isEmpty();

        Reply mapped = f.server.send("PUT", "/api/v1/notification-templates/" + hindi.get("id").asLong(), API_KEY,
                "{\"body\":" + hindi.get("body") + ",\"whatsapp\":{\"name\":\"loyalty_welcome\",\"language\":\"hi\","
                        + "\"parameters\":[\"name\",\"bonus\"]}}", null);
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        Reply retried = f.server.post("/api/v1/notifications/" + refused.get("id").asLong() + "/retry", API_KEY, null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        JsonNode sent = f.awaitNotification(id, "welcome", "SENT");
        assertThat(sent.get("templateVersion").asInt()).isEqualTo(3);
        assertThat(sent.get("retries").asInt()).isEqualTo(1);
        assertThat(f.templatesTo(mobile, "loyalty_welcome")).hasSize(1);
        Reply again = f.server.post("/api/v1/notifications/" + refused.get("id").asLong() + "/retry", API_KEY, null);
        assertThat(again.status()).as("a sent notification is not sent twice").isEqualTo(409);
    }

    @Test
    @Order(4)
    void aPausedTemplateIsRefusedBeforeTheCallWithMetasReason() {
        assertThat(f.webhooks.post(MetaWebhooks.templateStatus("loyalty_tier_upgraded", "en", "PAUSED",
                "Your template was paused due to low quality"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.server.get("/api/v1/whatsapp-templates", API_KEY).json()
                .findParents("name").stream().anyMatch(t -> t.get("name").asText().equals("loyalty_tier_upgraded")
                        && t.get("language").asText().equals("en") && t.get("status").asText().equals("PAUSED")));
        String mobile = f.newMobile();
        long id = f.join(mobile, "Hari", "en");
        f.bill("RU-PAUSED-1", mobile, "600000");
        JsonNode refused = f.awaitNotification(id, "tier-upgraded", "REFUSED");
        assertThat(refused.get("reason").asText())
                .contains("loyalty_tier_upgraded (en) is PAUSED: Your template was paused due to low quality");
        assertThat(f.templatesTo(mobile, "loyalty_tier_upgraded")).isEmpty();

        assertThat(f.webhooks.post(MetaWebhooks.templateStatus("loyalty_tier_upgraded", "en", "APPROVED", "NONE")))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> ok(f.server.post("/api/v1/notifications/"
                + refused.get("id").asLong() + "/retry", API_KEY, null)) != null);
        f.awaitNotification(id, "tier-upgraded", "SENT");
    }

    @Test
    @Order(5)
    void error131050TurnsMarketingOffAndIsNeverRetried() {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Isha", "en");
        ok(f.server.post("/api/v1/customers/" + id + "/marketing-consent", API_KEY, "{\"marketing\":true}"));
        f.bill("RU-131050-1", mobile, "1200");
        JsonNode sent = f.awaitNotification(id, "points-earned", "SENT");
        assertThat(f.webhooks.post(MetaWebhooks.failed(wamidOf(sent), mobile, 131050,
                "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on "
                        + "WhatsApp from your business"))).isEqualTo(200);
        JsonNode failed = f.awaitNotification(id, "points-earned", "FAILED");
        assertThat(failed.get("errorCode").asText()).isEqualTo("131050");
        await().atMost(Duration.ofSeconds(20)).until(() -> customer(id).get("marketingAt").isNull());
        JsonNode consents = f.server.get("/api/v1/customers/" + id + "/consents", API_KEY).json();
        assertThat(consents.get(consents.size() - 1).get("source").asText()).isEqualTo("whatsapp:131050");
        assertThat(f.templatesTo(mobile, "loyalty_points_earned")).as("never retried").hasSize(1);
    }

    @Test
    @Order(6)
    void whatsAppsUserPreferencesStopAndResumeMarketing() {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Jaya", "en");
        ok(f.server.post("/api/v1/customers/" + id + "/marketing-consent", API_KEY, "{\"marketing\":true}"));
        assertThat(f.webhooks.post(MetaWebhooks.userPreference(mobile, "Jaya", "stop"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> customer(id).get("marketingAt").isNull());
        assertThat(f.webhooks.post(MetaWebhooks.userPreference(mobile, "Jaya", "resume"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !customer(id).get("marketingAt").isNull());
        // the customer's own STOP OFFERS is not undone by WhatsApp's resume
        WhatsAppUser jaya = new WhatsAppUser(mobile, f.server, f.meta, f.webhooks);
        jaya.skipSeen(f.meta.requestsTo(mobile).size());
        jaya.says("STOP OFFERS");
        assertThat(customer(id).get("marketingAt").isNull()).isTrue();
        assertThat(f.webhooks.post(MetaWebhooks.userPreference(mobile, "Jaya", "resume"))).isEqualTo(200);

        String never = f.newMobile();
        long other = f.join(never, "Kavi", "en");
        assertThat(f.webhooks.post(MetaWebhooks.userPreference(never, "Kavi", "resume"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> f.server.count("SELECT COUNT(*) FROM event_delivery d "
                + "JOIN outbox_event e ON e.event_id = d.event_id WHERE e.event_type = 'chat.marketing-preference-changed' "
                + "AND d.status <> 'DONE'") == 0 && f.server.count("SELECT COUNT(*) FROM outbox_event "
                + "WHERE event_type = 'chat.marketing-preference-changed' AND payload LIKE '%" + never.substring(1) + "%'") == 1);
        assertThat(customer(other).get("marketingAt").isNull()).as("resume is no opt-in of its own").isTrue();
        assertThat(customer(id).get("marketingAt").isNull()).as("nor does it undo STOP OFFERS").isTrue();
    }

    @Test
    @Order(7)
    void error131049HoldsTheMessageBackForADayOnceWithoutBlockingTheNext() {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Lata", "en");
        f.awaitNotification(id, "welcome", "SENT");
        f.bill("RU-131049-1", mobile, "1500");
        JsonNode sent = f.awaitNotification(id, "points-earned", "SENT");
        assertThat(f.webhooks.post(MetaWebhooks.failed(wamidOf(sent), mobile, 131049,
                "This message was not delivered to maintain healthy ecosystem engagement."))).isEqualTo(200);
        JsonNode held = f.awaitNotification(id, "points-earned", "HELD");
        assertThat(held.get("errorCode").asText()).isEqualTo("131049");
        JsonNode counts = f.server.get("/api/v1/notifications/counts?days=7", API_KEY).json();
        assertThat(counts.findParents("trigger").stream().filter(c -> c.get("trigger").asText().equals("points-earned"))
                .findFirst().orElseThrow().get("heldBack").asLong()).isPositive();

        f.bill("RU-131049-2", mobile, "1700"); // a later message is not held up by the held one
        await().atMost(Duration.ofSeconds(20)).until(() -> f.templatesTo(mobile, "loyalty_points_earned").size() == 2);
        assertThat(f.templatesTo(mobile, "loyalty_points_earned").get(1).toString()).contains("RU-131049-2");

        f.clock.advance(Duration.ofHours(24).plusMinutes(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.templatesTo(mobile, "loyalty_points_earned").size() == 3);
        assertThat(f.templatesTo(mobile, "loyalty_points_earned").get(2).toString()).contains("RU-131049-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> f.notifications(id, "points-earned").get(1).get("status")
                .asText().equals("SENT"));
        JsonNode again = f.notifications(id, "points-earned").get(1);
        assertThat(f.webhooks.post(MetaWebhooks.failed(wamidOf(again), mobile, 131049,
                "This message was not delivered to maintain healthy ecosystem engagement."))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> f.notifications(id, "points-earned").get(1).get("status")
                .asText().equals("FAILED"));
        f.clock.advance(Duration.ofHours(25));
        assertThat(f.templatesTo(mobile, "loyalty_points_earned")).as("held back once, never a loop").hasSize(3);
    }

    @Test
    @Order(8)
    void quietHoursHoldWhatCanWaitUntilTheMorning() {
        // to 21:30 in Asia/Kolkata
        long minutes = Duration.between(f.clock.instant().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalTime(),
                java.time.LocalTime.of(21, 30)).toMinutes();
        f.clock.advance(Duration.ofMinutes(minutes < 0 ? minutes + 24 * 60 : minutes));
        String mobile = f.newMobile();
        long id = f.join(mobile, "Mohan", "en");
        JsonNode welcome = f.awaitNotification(id, "welcome", "SENT");
        assertThat(welcome).as("what answers the customer's own action goes at once").isNotNull();
        String referral = f.server.get("/api/v1/customers/" + id + "/referral", API_KEY).json().get("code").asText();
        ok(f.server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + f.newMobile() + "\",\"name\":\"Nila\","
                + "\"referralCode\":\"" + referral + "\"}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode waiting = f.awaitNotification(id, "friend-joined", "PENDING");
            assertThat(waiting.get("reason").asText()).isEqualTo("quiet hours: waits until 09:00 (Asia/Kolkata)");
        });
        f.clock.advance(Duration.ofHours(11).plusMinutes(35)); // 09:05
        JsonNode sent = f.awaitNotification(id, "friend-joined", "SENT");
        assertThat(sent.get("text").asText()).contains("Nila joined with your code");
    }

    @Test
    @Order(9)
    void pointsExpiringAndExpiredFromTheExpiryJob() {
        String mobile = f.newMobile();
        long id = f.join(mobile, "Om", "en");
        f.bill("RU-EXP-1", mobile, "5000");
        f.awaitNotification(id, "points-earned", "SENT");
        LoyaltyService loyalty = f.server.server().service(LoyaltyService.class).orElseThrow();
        f.clock.advance(Duration.ofDays(350));
        loyalty.expireDuePoints();
        JsonNode expiring = f.awaitNotification(id, "points-expiring", "SENT");
        assertThat(expiring.get("text").asText()).matches("Hi Om, \\*\\d+ of your points expire on \\d{1,2} \\w{3} \\d{4}\\*.*");
        f.clock.advance(Duration.ofDays(30));
        loyalty.expireDuePoints();
        JsonNode expired = f.awaitNotification(id, "points-expired", "SENT");
        assertThat(expired.get("text").asText()).matches("Om, \\d+ points have expired. You have \\d+ points left to spend.");
    }

    // ---- templates refused on save, and switches ----

    static JsonNode template(String trigger, String language) {
        return f.server.get("/api/v1/notification-templates", API_KEY).json().findParents("trigger").stream()
                .filter(t -> t.get("trigger").asText().equals(trigger) && t.get("language").asText().equals(language))
                .findFirst().orElseThrow();
    }

    @Test
    @Order(20)
    void aTemplateWithAnUnknownVariableOrAMappingToNoTemplateIsRefused() {
        JsonNode t = template("points-earned", "en");
        long id = t.get("id").asLong();
        Reply unknown = f.server.send("PUT", "/api/v1/notification-templates/" + id, API_KEY,
                "{\"body\":\"Hi {{name}}, you have {{pointz}} points\"}", null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").path("body").asText()).contains("unknown variable {{pointz}}");
        Reply noSuch = f.server.send("PUT", "/api/v1/notification-templates/" + id, API_KEY,
                "{\"body\":\"Hi {{name}}\",\"whatsapp\":{\"name\":\"loyalty_no_such\",\"language\":\"en\","
                        + "\"parameters\":[\"name\"]}}", null);
        assertThat(noSuch.status()).isEqualTo(422);
        assertThat(noSuch.json().path("errors").path("whatsapp.name").asText()).contains("WhatsApp has no template loyalty_no_such");
        Reply count = f.server.send("PUT", "/api/v1/notification-templates/" + id, API_KEY,
                "{\"body\":\"Hi {{name}}\",\"whatsapp\":{\"name\":\"loyalty_points_earned\",\"language\":\"en\","
                        + "\"parameters\":[\"name\"]}}", null);
        assertThat(count.status()).isEqualTo(422);
        assertThat(count.json().path("errors").path("whatsapp.parameters").asText()).contains("has 5 body parameters");
        assertThat(template("points-earned", "en").get("version").asInt()).as("nothing saved").isEqualTo(t.get("version").asInt());
        assertThat(f.server.send("DELETE", "/api/v1/notification-templates/" + id, API_KEY, null, null).status())
                .as("English is the fallback").isEqualTo(409);
        Reply twice = f.server.post("/api/v1/notification-templates", API_KEY,
                "{\"trigger\":\"points-earned\",\"language\":\"en\",\"body\":\"Hi\"}");
        assertThat(twice.status()).isEqualTo(409);
        Reply versions = f.server.get("/api/v1/notification-templates/" + id + "/versions", API_KEY);
        assertThat(versions.json().size()).isEqualTo(t.get("version").asInt());
    }

    @Test
    @Order(21)
    void aSwitchedOffTriggerWritesNothing() throws Exception {
        ok(f.server.send("PUT", "/api/v1/notification-templates/triggers/points-earned", API_KEY, "{\"on\":false}", null));
        String mobile = f.newMobile();
        long id = f.join(mobile, "Puja", "en");
        f.bill("RU-OFF-1", mobile, "1000");
        f.awaitNotification(id, "welcome", "SENT");
        Thread.sleep(1000);
        assertThat(f.notifications(id, "points-earned").size()).isZero();
        ok(f.server.send("PUT", "/api/v1/notification-templates/triggers/points-earned", API_KEY, "{\"on\":true}", null));
        assertThat(f.server.send("PUT", "/api/v1/notification-templates/triggers/no-such", API_KEY, "{\"on\":true}", null)
                .status()).isEqualTo(404);
    }

    @Test
    @Order(22)
    void aTemplateListMetaCannotGiveIsAReadableConflict() {
        f.meta.wireMock().stubFor(get(urlPathEqualTo(MetaGraphApi.TEMPLATES_PATH)).atPriority(1).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":"
                        + "\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"A1\"}}")));
        Reply r = f.server.post("/api/v1/whatsapp-templates/sync", API_KEY, null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("Meta answered 400 (100): (#100) Invalid parameter");
        assertThat(f.server.get("/api/v1/whatsapp-templates", API_KEY).json().size()).as("the list is kept").isPositive();
    }
}
