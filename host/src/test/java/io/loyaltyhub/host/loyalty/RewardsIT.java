package io.loyaltyhub.host.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Rewards, vouchers, promo codes, earning rules and the leaderboard through the real server. */
class RewardsIT {
    private static TestServer server;
    private static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        server = TestServer.start("rewards", TestServer.shippedPlugins(), clock);
        // no return window here, so bill points are spendable at once
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY, "{\"pending-hold\":\"0d\"}").status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long join(String mobile) {
        return server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"R\"}").json()
                .get("id").asLong();
    }

    private static long reward(String json) {
        Reply r = server.post("/api/v1/rewards", API_KEY, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static Reply redeem(long rewardId, long customerId, String key) {
        return server.send("POST", "/api/v1/rewards/" + rewardId + "/redemptions", API_KEY,
                "{\"customerId\":" + customerId + "}", key);
    }

    private static long available(long customerId) {
        return server.get("/api/v1/customers/" + customerId + "/points", API_KEY).json().get("available").asLong();
    }

    @Test
    void redemptionIssuesAnUnguessableVoucherOnceAndRespectsStockAndLimits() {
        long coffee = reward("{\"name\":\"Free coffee\",\"pointsCost\":50,\"stock\":2,\"perCustomerLimit\":1,\"voucherDays\":10}");
        long a = join("+919811100001");
        long b = join("+919811100002");
        long c = join("+919811100003");
        assertThat(server.get("/api/v1/rewards/available/" + a, API_KEY).json()).extracting(r -> r.get("id").asLong())
                .contains(coffee);
        Reply first = redeem(coffee, a, "r-a-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String code = first.json().get("code").asText();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(redeem(coffee, a, "r-a-1").json().get("code").asText()).isEqualTo(code); // replay: same voucher
        assertThat(available(a)).isEqualTo(50);
        assertThat(redeem(coffee, a, "r-a-2").json().get("code").asText()).isEqualTo("limit-reached");
        assertThat(redeem(coffee, b, "r-b-1").status()).isEqualTo(201);
        Reply soldOut = redeem(coffee, c, "r-c-1");
        assertThat(soldOut.status()).isEqualTo(409);
        assertThat(soldOut.json().get("code").asText()).isEqualTo("out-of-stock");
        assertThat(available(c)).isEqualTo(100);
        long expensive = reward("{\"name\":\"Hamper\",\"pointsCost\":5000}");
        assertThat(redeem(expensive, c, "r-c-2").json().get("code").asText()).isEqualTo("insufficient-points");
        long gold = reward("{\"name\":\"Gold lounge\",\"pointsCost\":10,\"minTier\":\"GOLD\"}");
        assertThat(redeem(gold, c, "r-c-3").json().get("code").asText()).isEqualTo("tier-too-low");
    }

    @Test
    void aCashierUsesAVoucherOnceAndACancelledOneRefundsItsPoints() {
        long tea = reward("{\"name\":\"Free tea\",\"pointsCost\":30,\"voucherDays\":5}");
        long id = join("+919811100004");
        String used = redeem(tea, id, "t-1").json().get("code").asText();
        assertThat(server.get("/api/v1/vouchers/" + used.toLowerCase(), API_KEY).json().get("status").asText())
                .isEqualTo("ISSUED");
        Reply use = server.post("/api/v1/vouchers/" + used + "/use", API_KEY, "{\"storeId\":\"BLR-1\"}");
        assertThat(use.json().get("status").asText()).isEqualTo("USED");
        assertThat(use.json().get("usedAtStore").asText()).isEqualTo("BLR-1");
        Reply twice = server.post("/api/v1/vouchers/" + used + "/use", API_KEY, null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("voucher-used");
        assertThat(server.post("/api/v1/vouchers/" + used + "/cancellation", API_KEY, null).json().get("code").asText())
                .isEqualTo("voucher-used");

        String cancelled = redeem(tea, id, "t-2").json().get("code").asText();
        long spentLotExpiry = server.count("SELECT UNIX_TIMESTAMP(MIN(expires_at)) FROM loyalty_lot WHERE customer_id = " + id);
        assertThat(available(id)).isEqualTo(40);
        Reply cancel = server.post("/api/v1/vouchers/" + cancelled + "/cancellation", API_KEY, "{\"reason\":\"changed mind\"}");
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(available(id)).isEqualTo(70);
        // the refund keeps the spent points' expiry: cancelling cannot make points live longer
        assertThat(server.count("SELECT UNIX_TIMESTAMP(l.expires_at) FROM loyalty_lot l JOIN loyalty_transfer t "
                + "ON t.id = l.transfer_id WHERE t.kind = 'REFUND' AND l.customer_id = " + id)).isEqualTo(spentLotExpiry);
        assertThat(server.post("/api/v1/vouchers/" + cancelled + "/cancellation", API_KEY, null).json().get("code").asText())
                .isEqualTo("voucher-cancelled");
        assertThat(server.get("/api/v1/vouchers/NOPE-NOPE-NOPE", API_KEY).json().get("code").asText())
                .isEqualTo("unknown-voucher");

        String late = redeem(tea, id, "t-3").json().get("code").asText();
        clock.advance(Duration.ofDays(6));
        assertThat(server.get("/api/v1/vouchers/" + late, API_KEY).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(server.post("/api/v1/vouchers/" + late + "/use", API_KEY, null).json().get("code").asText())
                .isEqualTo("voucher-expired");
        assertThat(server.get("/api/v1/customers/" + id + "/points/history", API_KEY).json())
                .extracting(l -> l.get("kind").asText()).contains("REDEEM", "REFUND");
    }

    @Test
    void promoCodesHaveLimitsMinimumsAndExpiry() {
        Reply single = server.post("/api/v1/coupons", API_KEY, "{\"name\":\"Welcome\",\"code\":\"welcome10\","
                + "\"kind\":\"PERCENT\",\"value\":10,\"minBill\":500,\"maxUses\":2}");
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        JsonNode small = server.post("/api/v1/coupons/validation", API_KEY, "{\"code\":\"WELCOME10\",\"amount\":400}").json();
        assertThat(small.get("valid").asBoolean()).isFalse();
        assertThat(small.get("reason").asText()).isEqualTo("below-minimum-bill");
        JsonNode ok = server.post("/api/v1/coupons/validation", API_KEY, "{\"code\":\"welcome10\",\"amount\":1234.50}").json();
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("discount").decimalValue()).isEqualByComparingTo("123.45");
        join("+919811100005");
        for (int i = 1; i <= 3; i++) {
            Reply bill = server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"CP-" + i + "\",\"billedAt\":\""
                    + clock.instant().minusSeconds(60) + "\",\"customerMobile\":\"+919811100005\",\"amount\":1000,"
                    + "\"currency\":\"INR\",\"couponCode\":\"WELCOME10\"}");
            assertThat(bill.body()).contains(i <= 2 ? "used, discount 100.00" : "not applied: coupon-used-up");
        }
        assertThat(server.post("/api/v1/coupons/validation", API_KEY, "{\"code\":\"WELCOME10\",\"amount\":1000}").json()
                .get("reason").asText()).isEqualTo("coupon-used-up");
        assertThat(server.post("/api/v1/bills/CP-1/reversal", API_KEY, null).status()).isEqualTo(200);
        assertThat(server.post("/api/v1/coupons/validation", API_KEY, "{\"code\":\"WELCOME10\",\"amount\":1000}").json()
                .get("valid").asBoolean()).as("a returned purchase gives its code use back").isTrue();
        assertThat(server.post("/api/v1/coupons", API_KEY, "{\"name\":\"Again\",\"code\":\"WELCOME10\",\"kind\":\"FIXED\","
                + "\"value\":5}").json().get("code").asText()).isEqualTo("coupon-code-taken");

        Reply batch = server.post("/api/v1/coupons", API_KEY, "{\"name\":\"Diwali\",\"prefix\":\"DIW\",\"count\":50,"
                + "\"kind\":\"FIXED\",\"value\":100,\"validTo\":\"" + clock.instant().plus(Duration.ofDays(3)) + "\"}");
        assertThat(batch.json().get("codes").asInt()).isEqualTo(50);
        JsonNode codes = server.get("/api/v1/coupons/" + batch.json().get("id").asLong() + "/codes", API_KEY).json();
        Set<String> unique = new HashSet<>();
        codes.forEach(c -> unique.add(c.asText()));
        assertThat(unique).hasSize(50).allMatch(c -> c.startsWith("DIW") && c.length() == 11);
        String one = codes.get(0).asText();
        assertThat(server.post("/api/v1/coupons/validation", API_KEY, "{\"code\":\"" + one + "\",\"amount\":60}").json()
                .get("discount").decimalValue()).isEqualByComparingTo("60");
        clock.advance(Duration.ofDays(4));
        assertThat(server.post("/api/v1/coupons/validation", API_KEY, "{\"code\":\"" + one + "\",\"amount\":600}").json()
                .get("reason").asText()).isEqualTo("coupon-expired");
        Reply bad = server.post("/api/v1/coupons", API_KEY, "{\"name\":\"\",\"kind\":\"PERCENT\",\"value\":150}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void earningRulesAreDataEditableAtRunTimeAndPreviewedWithoutWriting() {
        String preview = "{\"billNumber\":\"PV-1\",\"billedAt\":\"" + clock.instant().minusSeconds(60)
                + "\",\"customerMobile\":\"+919811100006\",\"amount\":1000,\"currency\":\"INR\",\"lines\":["
                + "{\"sku\":\"CURD\",\"category\":\"dairy\",\"quantity\":1,\"amount\":200}]}";
        long before = server.post("/api/v1/bills/preview", API_KEY, preview).json().get("pointsEarned").asLong();
        Reply invalid = server.post("/api/v1/earning-rules", API_KEY,
                "{\"name\":\"Dairy\",\"type\":\"CATEGORY_MULTIPLIER\",\"active\":true,\"params\":{\"category\":\"dairy\"}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get("params.multiplier").asText()).contains("required");
        Reply fractional = server.post("/api/v1/earning-rules", API_KEY, "{\"name\":\"Cap\",\"type\":\"BILL_CAP\","
                + "\"active\":true,\"params\":{\"maxPoints\":99.5}}");
        assertThat(fractional.json().get("errors").get("params.maxPoints").asText()).isEqualTo("must be a whole number");
        Reply rule = server.post("/api/v1/earning-rules", API_KEY, "{\"name\":\"Dairy x3\",\"type\":\"CATEGORY_MULTIPLIER\","
                + "\"active\":true,\"params\":{\"category\":\"dairy\",\"multiplier\":3}}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        JsonNode after = server.post("/api/v1/bills/preview", API_KEY, preview).json();
        assertThat(after.get("pointsEarned").asLong()).isEqualTo(before + 4); // 200 * (3 - 1) * 0.01
        assertThat(after.toString()).contains("Dairy x3");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_bill WHERE bill_number = 'PV-1'")).isZero();
        assertThat(server.get("/api/v1/earning-rules", API_KEY).json()).extracting(r -> r.get("name").asText())
                .contains("Dairy x3", "1 point per 100 spent");
        assertThat(server.get("/api/v1/tiers", API_KEY).json()).extracting(t -> t.get("code").asText())
                .containsExactly("SILVER", "GOLD", "PLATINUM");
    }

    @Test
    void theLeaderboardRanksThisMonthsEarners() {
        long big = join("+919811100007");
        long small = join("+919811100008");
        for (String[] b : new String[][]{{"LB-1", "+919811100007", "90000"}, {"LB-2", "+919811100008", "2000"}}) {
            assertThat(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"" + b[0] + "\",\"billedAt\":\""
                    + clock.instant().minusSeconds(60) + "\",\"customerMobile\":\"" + b[1] + "\",\"amount\":" + b[2]
                    + ",\"currency\":\"INR\"}").status()).isEqualTo(200);
        }
        String month = java.time.YearMonth.from(clock.instant().atZone(java.time.ZoneId.of("Asia/Kolkata"))).toString();
        JsonNode board = server.get("/api/v1/leaderboard?month=" + month + "&limit=50", API_KEY).json();
        java.util.List<Long> order = new java.util.ArrayList<>();
        board.forEach(e -> order.add(e.get("customerId").asLong()));
        assertThat(order.indexOf(big)).isLessThan(order.indexOf(small));
        assertThat(board.get(0).get("maskedMobile").asText()).contains("*****");
        assertThat(server.get("/api/v1/leaderboard?month=soon", API_KEY).status()).isEqualTo(400);
        assertThat(server.server().service(LoyaltyService.class).orElseThrow().badges(big))
                .extracting(b -> b.code()).contains("FIRST_PURCHASE");
    }
}
