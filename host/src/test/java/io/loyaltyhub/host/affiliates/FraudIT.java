package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.affiliates.CommissionFixture.Aff;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.loyaltyhub.host.affiliates.CommissionFixture.GOOGLEBOT;
import static io.loyaltyhub.host.affiliates.CommissionFixture.PHONE;
import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Each fraud rule fires on a crafted scenario and stays quiet on a clean one; holds wait for a person. */
class FraudIT {
    private static CommissionFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = CommissionFixture.start("fraud", 14, "\"fraud-repeat-clicks-max\":\"3\",\"fraud-bot-visits-max\":\"2\","
                + "\"fraud-datacentre-cidrs\":\"203.0.113.0/24, 2001:db8::/32\",\"fraud-burst-clicks-max\":\"4\","
                + "\"fraud-redemptions-max\":\"2\",\"fraud-device-customers-max\":\"2\",\"fraud-refund-min-bills\":\"3\"");
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    private static List<Map<String, Object>> alerts(String rule, Aff a) {
        return f.rows("SELECT id, subject, summary, evidence, holding FROM affiliate_fraud_alert WHERE rule = ? "
                + "AND affiliate_id = ?", "affiliates." + rule, a.id());
    }

    /** Lets the click scan (every minute, clicks at least 30 s old) see everything clicked so far. */
    private static void scanClicks() {
        f.advance(Duration.ofMinutes(2));
    }

    @Test
    void selfReferralByMobileHoldsTheCommissionUntilAPersonDecides() {
        Aff cheat = f.affiliate("Cheat");
        f.customer(cheat.mobile(), cheat.code()); // the affiliate joins with their own code
        f.bill("FS-1", cheat.mobile(), "2000", "");
        String friend = f.mobile();
        f.customer(friend, cheat.code());
        f.bill("FS-2", friend, "2000", "");
        f.drain();
        List<Map<String, Object>> hits = alerts("self-referral", cheat);
        assertThat(hits).singleElement().satisfies(a -> {
            assertThat(a.get("subject")).isEqualTo("bill:FS-1");
            assertThat(a.get("holding")).isEqualTo(true);
            assertThat(a.get("evidence").toString()).contains(cheat.mobile());
        });
        long alert = ((Number) hits.get(0).get("id")).longValue();
        assertThat(f.rows("SELECT held_by FROM affiliate_commission WHERE bill_number = 'FS-1'").get(0).get("held_by"))
                .isEqualTo(alert);
        assertThat(f.rows("SELECT held_by FROM affiliate_commission WHERE bill_number = 'FS-2'").get(0).get("held_by")).isNull();

        JsonNode queue = f.json(f.server.get("/api/v1/fraud-alerts?open=true", API_KEY), 200);
        assertThat(queue).anySatisfy(a -> {
            assertThat(a.get("id").asLong()).isEqualTo(alert);
            assertThat(a.get("rule").asText()).isEqualTo("affiliates.self-referral");
            assertThat(a.get("evidence").get("mobile").asText()).isEqualTo(cheat.mobile());
            assertThat(a.get("holding").asBoolean()).isTrue();
        });
        Reply early = f.server.post("/api/v1/commissions/" + f.commissionId("FS-1", 1) + "/approve", API_KEY, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("commission-held");
        f.advance(Duration.ofDays(31)); // the hold is over: the clean one is approved, the held one waits
        assertThat(f.status("FS-1")).isEqualTo("PENDING");
        assertThat(f.status("FS-2")).isEqualTo("APPROVED");

        JsonNode decided = f.json(f.server.post("/api/v1/fraud-alerts/" + alert + "/resolve", API_KEY,
                "{\"confirmed\":true,\"note\":\"own purchases\"}"), 200);
        assertThat(decided.get("confirmed").asBoolean()).isTrue();
        assertThat(decided.get("resolvedBy").asText()).startsWith("apikey:");
        assertThat(f.status("FS-1")).isEqualTo("REJECTED");
        Reply twice = f.server.post("/api/v1/fraud-alerts/" + alert + "/resolve", API_KEY, "{\"confirmed\":false}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("alert-resolved");
        assertThat(f.server.post("/api/v1/fraud-alerts/" + alert + "/resolve", API_KEY, "{}").status()).isEqualTo(422);

        // a false alarm releases: approved at the next run
        Aff other = f.affiliate("Other");
        f.customer(other.mobile(), other.code());
        f.bill("FS-3", other.mobile(), "1000", "");
        f.drain();
        long second = ((Number) alerts("self-referral", other).get(0).get("id")).longValue();
        f.advance(Duration.ofDays(31));
        assertThat(f.status("FS-3")).isEqualTo("PENDING");
        f.json(f.server.post("/api/v1/fraud-alerts/" + second + "/resolve", API_KEY, "{\"confirmed\":false}"), 200);
        f.advance(Duration.ofMinutes(5));
        assertThat(f.status("FS-3")).isEqualTo("APPROVED");
    }

    @Test
    void selfReferralByTheAffiliatesOwnIpOrDevice() {
        Aff a = f.affiliate("Own device");
        String link = f.link(a);
        f.execute("INSERT INTO affiliate_fingerprint (affiliate_id, kind, value, seen_at) VALUES (?, 'IP', '49.207.5.5', NOW())",
                a.id());
        f.click(link, "49.207.5.6", PHONE);
        scanClicks();
        assertThat(alerts("self-referral", a)).isEmpty();
        f.click(link, "49.207.5.5", PHONE);
        scanClicks();
        assertThat(alerts("self-referral", a)).singleElement().satisfies(r ->
                assertThat(r.get("evidence").toString()).contains("49.207.5.5"));
    }

    @Test
    void repeatedClicksFromOneIp() {
        Aff noisy = f.affiliate("Noisy");
        Aff calm = f.affiliate("Calm");
        String noisyLink = f.link(noisy);
        String calmLink = f.link(calm);
        for (int i = 0; i < 3; i++) {
            f.click(noisyLink, "81.2.69.10", PHONE);
        }
        f.click(calmLink, "81.2.69.11", PHONE);
        f.click(calmLink, "81.2.69.11", PHONE);
        f.click(calmLink, "81.2.69.12", PHONE);
        scanClicks();
        assertThat(alerts("repeated-clicks", noisy)).singleElement().satisfies(r -> {
            assertThat(r.get("evidence").toString()).contains("81.2.69.10").contains("\"clicks\":\"3\"");
            assertThat(r.get("holding")).isEqualTo(false);
        });
        assertThat(alerts("repeated-clicks", calm)).isEmpty();
    }

    @Test
    void botAndDataCentreTraffic() {
        Aff hosted = f.affiliate("Hosted");
        Aff crawled = f.affiliate("Crawled");
        Aff clean = f.affiliate("Clean");
        f.click(f.link(hosted), "203.0.113.9", PHONE);
        String crawledLink = f.link(crawled);
        f.click(crawledLink, "49.207.1.1", GOOGLEBOT);
        f.click(crawledLink, "49.207.1.1", GOOGLEBOT);
        String cleanLink = f.link(clean);
        f.click(cleanLink, "49.207.1.2", PHONE);
        f.click(cleanLink, "49.207.1.3", GOOGLEBOT);
        scanClicks();
        assertThat(alerts("bot-traffic", hosted)).singleElement().satisfies(r ->
                assertThat(r.get("evidence").toString()).contains("203.0.113.0/24"));
        assertThat(alerts("bot-traffic", crawled)).singleElement().satisfies(r ->
                assertThat(r.get("summary").toString()).contains("2 robot visits"));
        assertThat(alerts("bot-traffic", clean)).isEmpty();
    }

    @Test
    void clickBursts() {
        Aff bursting = f.affiliate("Bursting");
        Aff steady = f.affiliate("Steady");
        String b = f.link(bursting);
        String s = f.link(steady);
        for (int i = 1; i <= 4; i++) {
            f.click(b, "49.207.2." + i, PHONE);
        }
        for (int i = 1; i <= 3; i++) {
            f.click(s, "49.207.3." + i, PHONE);
        }
        scanClicks();
        assertThat(alerts("click-burst", bursting)).singleElement().satisfies(r ->
                assertThat(r.get("evidence").toString()).contains("\"distinctIps\":\"4\""));
        assertThat(alerts("click-burst", steady)).isEmpty();
        assertThat(alerts("repeated-clicks", bursting)).isEmpty();
    }

    @Test
    void conversionsWithNoPriorClick() {
        Aff unseen = f.affiliate("Unseen");
        Aff clicked = f.affiliate("Clicked");
        f.click(f.link(clicked), "49.207.4.1", PHONE);
        f.advance(Duration.ofMinutes(2));
        String a = f.mobile();
        f.customer(a, unseen.code());
        f.bill("FN-1", a, "500", "");
        String b = f.mobile();
        f.customer(b, clicked.code());
        f.bill("FN-2", b, "500", "");
        f.drain();
        assertThat(alerts("no-prior-click", unseen)).singleElement().satisfies(r -> {
            assertThat(r.get("subject")).isEqualTo("bill:FN-1");
            assertThat(r.get("holding")).isEqualTo(false); // not in fraud-hold-rules: evidence only
        });
        assertThat(f.rows("SELECT held_by FROM affiliate_commission WHERE bill_number = 'FN-1'").get(0).get("held_by")).isNull();
        assertThat(alerts("no-prior-click", clicked)).isEmpty();
    }

    @Test
    void unusualRedemptions() {
        f.settings("loyalty", "{\"pending-hold\":\"0d\"}");
        Reply reward = f.server.post("/api/v1/rewards", API_KEY, "{\"name\":\"Sticker\",\"pointsCost\":10}");
        assertThat(reward.status()).as(reward.body()).isEqualTo(201);
        long rewardId = reward.json().get("id").asLong();
        long greedy = f.customer(f.mobile(), null);
        long normal = f.customer(f.mobile(), null);
        f.bill("FR-P1", (String) f.rows("SELECT mobile FROM loyalty_customer WHERE id = ?", greedy).get(0).get("mobile"), "5000", "");
        f.bill("FR-P2", (String) f.rows("SELECT mobile FROM loyalty_customer WHERE id = ?", normal).get(0).get("mobile"), "5000", "");
        for (String key : new String[]{"g-1", "g-2"}) {
            f.json(f.server.send("POST", "/api/v1/rewards/" + rewardId + "/redemptions", API_KEY,
                    "{\"customerId\":" + greedy + "}", key), 201);
        }
        f.json(f.server.send("POST", "/api/v1/rewards/" + rewardId + "/redemptions", API_KEY,
                "{\"customerId\":" + normal + "}", "n-1"), 201);
        // a POS that names its device: one device for two customers
        f.publish("loyalty.reward-redeemed", "{\"customerId\":9001,\"voucherCode\":\"DEV-1\",\"device\":\"POS-7\"}",
                f.clock.instant());
        f.publish("loyalty.reward-redeemed", "{\"customerId\":9002,\"voucherCode\":\"DEV-2\",\"device\":\"POS-7\"}",
                f.clock.instant());
        f.publish("loyalty.reward-redeemed", "{\"customerId\":9003,\"voucherCode\":\"DEV-3\",\"device\":\"POS-8\"}",
                f.clock.instant());
        f.drain();
        List<Map<String, Object>> hits = f.rows("SELECT customer_id, subject, summary FROM affiliate_fraud_alert "
                + "WHERE rule = 'affiliates.redemption-pattern' ORDER BY id");
        assertThat(hits).extracting(r -> ((Number) r.get("customer_id")).longValue()).containsExactly(greedy, 9002L);
        assertThat(hits.get(1).get("summary").toString()).contains("POS-7").contains("2 customers");
    }

    @Test
    void aRefundRateAboveTheThresholdHoldsTheAffiliatesCommissions() {
        Aff refunder = f.affiliate("Refunder");
        Aff keeper = f.affiliate("Keeper");
        String a = f.mobile();
        f.customer(a, refunder.code());
        String b = f.mobile();
        f.customer(b, keeper.code());
        for (int i = 1; i <= 4; i++) {
            f.bill("RR-A" + i, a, "1000", "");
            f.bill("RR-B" + i, b, "1000", "");
        }
        f.drain();
        f.reverse("RR-A1");
        f.reverse("RR-A2");
        f.reverse("RR-B1"); // 1 of 4: 25 %, not above 30 %
        f.drain();
        assertThat(alerts("refund-rate", keeper)).isEmpty();
        List<Map<String, Object>> hits = alerts("refund-rate", refunder);
        assertThat(hits).singleElement().satisfies(r -> assertThat(r.get("holding")).isEqualTo(true));
        long alert = ((Number) hits.get(0).get("id")).longValue();
        // 2 of 4 (50 %): the affiliate's pending commissions are held, and new ones while the alert is open
        assertThat(f.rows("SELECT held_by FROM affiliate_commission WHERE bill_number IN ('RR-A3', 'RR-A4')"))
                .allSatisfy(r -> assertThat(r.get("held_by")).isEqualTo(alert));
        f.bill("RR-A5", a, "1000", "");
        f.drain();
        assertThat(f.rows("SELECT held_by FROM affiliate_commission WHERE bill_number = 'RR-A5'").get(0).get("held_by"))
                .isEqualTo(alert);
        assertThat(f.rows("SELECT held_by FROM affiliate_commission WHERE bill_number LIKE 'RR-B%' AND held_by IS NOT NULL"))
                .isEmpty();
        f.json(f.server.post("/api/v1/fraud-alerts/" + alert + "/resolve", API_KEY, "{\"confirmed\":true}"), 200);
        assertThat(f.rows("SELECT status FROM affiliate_commission WHERE bill_number IN ('RR-A3', 'RR-A4', 'RR-A5')"))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("REJECTED"));
    }
}
