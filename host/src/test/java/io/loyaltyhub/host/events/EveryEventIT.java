package io.loyaltyhub.host.events;

import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every loyalty event type, with and without an affiliate involved, through every listener of every shipped
 * plugin: in the end nothing is pending and nothing is a dead letter. (A return of a bill nobody referred used
 * to end as a dead letter in the affiliates' listener.)
 */
class EveryEventIT {
    static final List<String> LOYALTY_EVENTS = List.of("loyalty.customer-joined", "loyalty.customer-referred",
            "loyalty.consent-changed", "loyalty.bill-processed", "loyalty.bill-reversed", "loyalty.tier-changed",
            "loyalty.points-adjusted", "loyalty.points-expiring", "loyalty.points-expired", "loyalty.reward-redeemed",
            "loyalty.voucher-used", "loyalty.voucher-cancelled", "loyalty.achievement-unlocked", "loyalty.customer-erased",
            "loyalty.marketing-consent-changed");

    private static TestServer server;
    private static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        server = TestServer.start("every-event", TestServer.shippedPlugins(), clock);
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY, "{\"pending-hold\":\"0d\"}").status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long join(String mobile, String referralCode) {
        Reply r = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"E\""
                + (referralCode == null ? "" : ",\"referralCode\":\"" + referralCode + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static java.util.List<String> publishedTypes() {
        java.util.List<String> types = new java.util.ArrayList<>();
        for (String type : LOYALTY_EVENTS) {
            if (server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = '" + type + "'") > 0) {
                types.add(type);
            }
        }
        return types;
    }

    private static void ok(Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
    }

    private static void bill(String number, String mobile, String amount, String affiliateCode) {
        ok(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"" + number + "\",\"billedAt\":\""
                + clock.instant().minusSeconds(60) + "\",\"customerMobile\":\"" + mobile + "\",\"amount\":" + amount
                + ",\"currency\":\"INR\"" + (affiliateCode == null ? "" : ",\"affiliateCode\":\"" + affiliateCode + "\"")
                + "}"));
    }

    @Test
    void everyEventReachesEveryListenerAndNothingIsLeftOrDead() {
        Reply affiliate = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Asha\",\"mobile\":\"9845012345\"}");
        ok(affiliate);
        String affiliateId = affiliate.json().get("id").asText();
        String affiliateCode = affiliate.json().get("code").asText();
        ok(server.post("/api/v1/affiliates/" + affiliateId + "/approve", API_KEY, null));

        // without an affiliate: join, refer a friend, consent, a bill and its return, an adjustment
        long plain = join("+919800000001", null);
        String friendCode = server.get("/api/v1/customers/" + plain + "/referral", API_KEY).json().get("code").asText();
        long friend = join("+919800000002", friendCode);
        ok(server.post("/api/v1/customers/" + friend + "/consent", API_KEY, "{\"consent\":false,\"source\":\"api\"}"));
        // on a customer who is not erased below (an erasure removes the customer's events from the outbox)
        long offers = join("+919800000003", null);
        ok(server.post("/api/v1/customers/" + offers + "/marketing-consent", API_KEY, "{\"marketing\":true}"));
        bill("EV-1", "+919800000001", "2500", null);
        ok(server.post("/api/v1/bills/EV-1/reversal", API_KEY, "{\"reason\":\"returned\"}"));
        ok(server.send("POST", "/api/v1/customers/" + plain + "/points/adjustments", API_KEY,
                "{\"points\":40,\"reason\":\"goodwill\"}", "ev-adjust-1"));

        // with an affiliate: a referred customer, a big bill (tier and badge), a return of an attributed bill
        long referred = join("+919800000003", affiliateCode);
        bill("EV-2", "+919800000003", "600000", null);
        bill("EV-3", "+919800000003", "1200", affiliateCode);
        ok(server.post("/api/v1/bills/EV-3/reversal", API_KEY, "{\"reason\":\"returned\"}"));

        // rewards: one voucher used, one cancelled
        Reply reward = server.post("/api/v1/rewards", API_KEY, "{\"name\":\"Coffee\",\"pointsCost\":10,\"voucherDays\":10}");
        ok(reward);
        long rewardId = reward.json().get("id").asLong();
        String used = server.send("POST", "/api/v1/rewards/" + rewardId + "/redemptions", API_KEY,
                "{\"customerId\":" + referred + "}", "ev-r-1").json().get("code").asText();
        ok(server.post("/api/v1/vouchers/" + used + "/use", API_KEY, null));
        String cancelled = server.send("POST", "/api/v1/rewards/" + rewardId + "/redemptions", API_KEY,
                "{\"customerId\":" + referred + "}", "ev-r-2").json().get("code").asText();
        ok(server.post("/api/v1/vouchers/" + cancelled + "/cancellation", API_KEY, null));

        assertThat(server.count("SELECT COUNT(*) FROM event_delivery d JOIN outbox_event e ON e.event_id = d.event_id "
                + "WHERE e.event_type = 'loyalty.bill-reversed'")).as("returns reach the affiliates' listener").isPositive();
        // what was published so far: a year on, the retention job may remove delivered events from the outbox
        java.util.Set<String> published = new java.util.HashSet<>(publishedTypes());
        // a year on: points expiring, then expired
        LoyaltyService loyalty = server.server().service(LoyaltyService.class).orElseThrow();
        clock.advance(Duration.ofDays(350));
        loyalty.expireDuePoints();
        clock.advance(Duration.ofDays(30));
        loyalty.expireDuePoints();

        // erasure on request
        ok(server.send("DELETE", "/api/v1/customers/" + plain + "?reason=asked", API_KEY, null));

        published.addAll(publishedTypes());
        assertThat(published).as("the scenario publishes every loyalty event").containsAll(LOYALTY_EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(server.count("SELECT COUNT(*) FROM event_delivery WHERE status = 'DEAD'")).as(
                    server.jdbcString("SELECT COALESCE(GROUP_CONCAT(CONCAT(listener_id, ': ', last_error)), '') "
                            + "FROM event_delivery WHERE status <> 'DONE'")).isZero();
            assertThat(server.count("SELECT COUNT(*) FROM event_delivery WHERE status = 'PENDING'")).isZero();
        });
        assertThat(server.count("SELECT COUNT(*) FROM event_delivery WHERE attempts > 1"))
                .as("no delivery needed a second attempt").isZero();
    }

    @Test
    void aRowWrittenBeforeTheEventRecordsIsStillDeliveredAndRead() throws Exception {
        Reply affiliate = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Old Row\",\"mobile\":\"9845012399\"}");
        String code = affiliate.json().get("code").asText();
        ok(server.post("/api/v1/affiliates/" + affiliate.json().get("id").asText() + "/approve", API_KEY, null));
        long customer = join("+919800000099", null);
        // a loyalty.bill-processed row as the map-based publisher stored it, with a field no record knows
        String payload = "{\"billNumber\":\"OLD-ROW-1\",\"customerId\":" + customer + ",\"mobile\":\"+919800000099\","
                + "\"amount\":1000.00,\"currency\":\"INR\",\"pointsEarned\":10,\"pointsPending\":0,\"billedAt\":\""
                + clock.instant().minusSeconds(60) + "\",\"affiliateCode\":\"" + code + "\",\"legacyField\":true}";
        String id = java.util.UUID.randomUUID().toString();
        String now = "'" + java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC) + "'";
        try (java.sql.Connection c = server.jdbc(); java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO outbox_event (event_id, event_type, aggregate_key, payload, occurred_at) VALUES ('"
                    + id + "', 'loyalty.bill-processed', '" + customer + "', '" + payload + "', " + now + ")");
            s.execute("INSERT INTO event_delivery (event_id, listener_id, status, attempts, next_attempt_at, updated_at) "
                    + "VALUES ('" + id + "', 'affiliates.loyalty-events', 'PENDING', 0, " + now + ", " + now + ")");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> server.count("SELECT COUNT(*) FROM event_delivery WHERE "
                + "event_id = '" + id + "' AND status = 'DONE'") == 1);
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_commission WHERE bill_number = 'OLD-ROW-1'")).isEqualTo(1);
    }
}
