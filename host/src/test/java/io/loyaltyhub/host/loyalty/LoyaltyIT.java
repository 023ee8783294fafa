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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The loyalty plugin through the real server: REST, ledger, rules, tiers, expiry with a moving clock. */
class LoyaltyIT {
    private static TestServer server;
    private static MutableClock clock;
    private static LoyaltyService loyalty;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        server = TestServer.start("loyalty", TestServer.shippedPlugins(), clock);
        loyalty = server.server().service(LoyaltyService.class).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long join(String mobile) {
        Reply r = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"" + mobile + "\",\"name\":\"Test\"}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    private static String bill(String number, String mobile, String amount) {
        return "{\"billNumber\":\"" + number + "\",\"storeId\":\"BLR-1\",\"billedAt\":\"" + clock.instant().minusSeconds(30)
                + "\",\"customerMobile\":\"" + mobile + "\",\"amount\":" + amount + ",\"currency\":\"INR\"}";
    }

    private static JsonNode points(long id) {
        Reply r = server.get("/api/v1/customers/" + id + "/points", API_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theSameBillPostedTenTimesInParallelEarnsOnce() throws Exception {
        long id = join("+919900000001");
        String body = bill("R-1", "99000 00001", "2500");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(pool.submit(() -> server.post("/api/v1/bills", API_KEY, body)));
        }
        List<String> answers = new ArrayList<>();
        for (Future<Reply> f : replies) {
            Reply r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            answers.add(r.body());
        }
        pool.shutdown();
        assertThat(answers).allMatch(a -> a.equals(answers.getFirst()));
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer WHERE idem_key = 'bill:R-1'")).isEqualTo(1);
        // 25 points + 50 first purchase, pending for the return window; 100 sign-up bonus available
        assertThat(points(id).get("pending").asLong()).isEqualTo(75);
        assertThat(points(id).get("available").asLong()).isEqualTo(100);
        Reply different = server.post("/api/v1/bills", API_KEY, bill("R-1", "99000 00001", "2600"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().get("code").asText()).isEqualTo("bill-conflict");
    }

    @Test
    void aReversalPostedTwiceReversesOnce() throws Exception {
        long id = join("+919900000002");
        assertThat(server.post("/api/v1/bills", API_KEY, bill("R-2", "+919900000002", "1000")).status()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Reply> a = pool.submit(() -> server.post("/api/v1/bills/R-2/reversal", API_KEY, "{\"reason\":\"returned\"}"));
        Future<Reply> b = pool.submit(() -> server.post("/api/v1/bills/R-2/reversal", API_KEY, null));
        assertThat(a.get().status()).isEqualTo(200);
        assertThat(b.get().status()).isEqualTo(200);
        pool.shutdown();
        assertThat(a.get().json().get("reversed").asBoolean()).isTrue();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer WHERE idem_key = 'reverse:bill:R-2'")).isEqualTo(1);
        assertThat(points(id).get("pending").asLong()).isZero();
        assertThat(points(id).get("lifetimeEarned").asLong()).isEqualTo(100); // only the sign-up bonus remains
        assertThat(server.post("/api/v1/bills/NOPE/reversal", API_KEY, null).json().get("code").asText())
                .isEqualTo("unknown-bill");
    }

    @Test
    void badInputIsA4xxProblemWithAClearCodeAndWritesNothing() {
        join("+919900000003");
        long bills = server.count("SELECT COUNT(*) FROM loyalty_bill");
        long transfers = server.count("SELECT COUNT(*) FROM loyalty_transfer");
        String at = clock.instant().toString();
        record Case(String body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case(bill("X-1", "+919900009999", "100"), 404, "unknown-customer"),
                new Case(bill("X-2", "12345", "100"), 422, "invalid-mobile"),
                new Case(bill("X-3", "+919900000003", "-100"), 422, "invalid-amount"),
                new Case(bill("X-4", "+919900000003", "99999999999"), 422, "invalid-amount"),
                new Case(bill("X-5", "+919900000003", "0"), 422, "invalid-amount"),
                new Case("{\"billNumber\":\"X-6\",\"billedAt\":\"" + at + "\",\"customerMobile\":\"+919900000003\","
                        + "\"amount\":100,\"currency\":\"QQQ\"}", 422, "unsupported-currency"),
                new Case("{\"billNumber\":\"X-7\",\"billedAt\":\"" + clock.instant().plus(Duration.ofDays(2))
                        + "\",\"customerMobile\":\"+919900000003\",\"amount\":100,\"currency\":\"INR\"}", 422, "future-bill"),
                new Case("{\"billNumber\":\"X-8\",\"currency\":\"INR\"}", 422, "missing-field"),
                new Case("{\"billNumber\":\"X-9\",", 400, "malformed-json"),
                // well-formed JSON with a value its field cannot take: 422 naming the field
                new Case("{\"billNumber\":\"X-10\",\"amount\":\"lots\"}", 422, "validation-failed"),
                new Case("{\"billNumber\":\"X-11\",\"billedAt\":\"yesterday\"}", 422, "validation-failed"),
                new Case("{\"billNumber\":\"X-12\"} {}", 400, "invalid-body"));
        for (Case c : cases) {
            Reply r = server.post("/api/v1/bills", API_KEY, c.body());
            assertThat(r.status()).as(c.body() + " -> " + r.body()).isEqualTo(c.status());
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("code").asText()).as(c.body()).isEqualTo(c.code());
        }
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_bill")).isEqualTo(bills);
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer")).isEqualTo(transfers);
        assertThat(server.get("/api/v1/customers/999999/points", API_KEY).json().get("code").asText())
                .isEqualTo("unknown-customer");
        assertThat(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"12\"}").json().get("code").asText())
                .isEqualTo("invalid-mobile");
        Reply noKey = server.post("/api/v1/customers/1/points/adjustments", API_KEY, "{\"points\":5,\"reason\":\"x\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("code").asText()).isEqualTo("missing-idempotency-key");
    }

    @Test
    void adjustmentsAreIdempotentAndNeverGoBelowZero() {
        long id = join("+919900000004");
        String award = "{\"points\":40,\"reason\":\"goodwill\"}";
        Reply first = server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY, award, "adj-1");
        Reply again = server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY, award, "adj-1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.json().get("transferId").asLong()).isEqualTo(first.json().get("transferId").asLong());
        assertThat(points(id).get("available").asLong()).isEqualTo(140);
        Reply otherBody = server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY,
                "{\"points\":41,\"reason\":\"goodwill\"}", "adj-1");
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.json().get("code").asText()).isEqualTo("idempotency-conflict");
        Reply otherReason = server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY,
                "{\"points\":40,\"reason\":\"another reason\"}", "adj-1");
        assertThat(otherReason.json().get("code").asText()).isEqualTo("idempotency-conflict");
        long other = join("+919900000014");
        Reply otherCustomer = server.send("POST", "/api/v1/customers/" + other + "/points/adjustments", API_KEY, award, "adj-1");
        assertThat(otherCustomer.status()).isEqualTo(409);
        assertThat(otherCustomer.json().get("code").asText()).isEqualTo("idempotency-conflict");
        assertThat(points(other).get("available").asLong()).isEqualTo(100);
        Reply absurd = server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY,
                "{\"points\":-9223372036854775808,\"reason\":\"x\"}", "adj-min");
        assertThat(absurd.status()).isEqualTo(422);
        Reply tooMuch = server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY,
                "{\"points\":-141,\"reason\":\"oops\"}", "adj-2");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asText()).isEqualTo("insufficient-points");
        assertThat(points(id).get("available").asLong()).isEqualTo(140);
        assertThat(server.get("/api/v1/customers/" + id + "/points/history", API_KEY).json())
                .extracting(l -> l.get("kind").asText() + " " + l.get("points").asLong())
                .containsExactly("ADJUST 40", "BONUS 100");
    }

    @Test
    void pendingPointsReleaseThenLotsExpireOnTheirDayOldestFirst() {
        // one customer's timeline: joined (100 bonus) day 0, bill day 0, spend after release, expiry a year on
        Instant day0 = clock.instant();
        long id = join("+919900000005");
        assertThat(server.post("/api/v1/bills", API_KEY, bill("E-1", "+919900000005", "3000")).status()).isEqualTo(200);
        assertThat(points(id).get("pending").asLong()).isEqualTo(80); // 30 + 50 first purchase
        clock.advance(Duration.ofDays(8));
        loyalty.releaseDuePoints();
        assertThat(points(id).get("pending").asLong()).isZero();
        assertThat(points(id).get("available").asLong()).isEqualTo(180);
        // spending 120 takes the oldest lot (sign-up, 100) first, then 20 of the bill's lot
        assertThat(server.send("POST", "/api/v1/customers/" + id + "/points/adjustments", API_KEY,
                "{\"points\":-120,\"reason\":\"redeemed\"}", "spend-e1").status()).isEqualTo(200);
        assertThat(server.count("SELECT remaining FROM loyalty_lot WHERE customer_id = " + id + " AND bill_number IS NULL"))
                .isZero();
        assertThat(server.count("SELECT remaining FROM loyalty_lot WHERE bill_number = 'E-1'")).isEqualTo(60);
        // 12 months later, through the end of that day in the store's zone, the points are still there
        Instant lastDay = java.time.ZonedDateTime.ofInstant(day0, java.time.ZoneId.of("Asia/Kolkata"))
                .toLocalDate().plusMonths(12).atTime(23, 59).atZone(java.time.ZoneId.of("Asia/Kolkata")).toInstant();
        clock.advance(Duration.between(clock.instant(), lastDay.minus(Duration.ofDays(20))));
        loyalty.expireDuePoints(); // 20 days ahead: nothing expires, the customer is told once
        loyalty.expireDuePoints();
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'loyalty.points-expiring' "
                + "AND aggregate_key = '" + id + "' AND payload LIKE '%\"points\":60%'")).isEqualTo(1);
        clock.advance(Duration.ofDays(20));
        loyalty.expireDuePoints();
        assertThat(points(id).get("available").asLong()).isEqualTo(60);
        assertThat(points(id).get("expiringSoon").asLong()).isEqualTo(60);
        clock.advance(Duration.ofMinutes(2)); // the next day
        loyalty.expireDuePoints();
        assertThat(points(id).get("available").asLong()).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer WHERE customer_id = " + id + " AND kind = 'EXPIRE'"))
                .isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'loyalty.points-expired' "
                + "AND aggregate_key = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void aBigEnoughBillUpgradesTheTierAtOnce() {
        long id = join("+919900000006");
        Reply r = server.post("/api/v1/bills", API_KEY, bill("T-1", "+919900000006", "500000"));
        assertThat(r.json().get("pointsEarned").asLong()).isEqualTo(5050);
        JsonNode customer = server.get("/api/v1/customers/" + id, API_KEY).json();
        assertThat(customer.get("tier").asText()).isEqualTo("GOLD");
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_tier_change WHERE customer_id = " + id
                + " AND to_tier = 'GOLD'")).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'loyalty.tier-changed' "
                + "AND aggregate_key = '" + id + "'")).isEqualTo(1);
        // the next bill earns with the Gold multiplier (x1.25)
        Reply next = server.post("/api/v1/bills", API_KEY, bill("T-2", "+919900000006", "1000"));
        assertThat(next.json().get("pointsEarned").asLong()).isEqualTo(12);
        assertThat(next.body()).contains("Tier GOLD");
    }

    @Test
    void theBirthdayBonusComesOncePerYearWhateverTheNumberOfBills() {
        Reply rule = server.post("/api/v1/earning-rules", API_KEY, "{\"name\":\"Birthday\",\"type\":\"BONUS\","
                + "\"active\":true,\"params\":{\"event\":\"BIRTHDAY\",\"points\":200}}");
        assertThat(rule.status()).isEqualTo(201);
        java.time.LocalDate today = clock.instant().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate();
        assertThat(server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919900000015\",\"birthday\":{\"month\":"
                + today.getMonthValue() + ",\"day\":" + today.getDayOfMonth() + "}}").status()).isEqualTo(201);
        long first = server.post("/api/v1/bills", API_KEY, bill("BD-1", "+919900000015", "1000")).json()
                .get("pointsEarned").asLong();
        long second = server.post("/api/v1/bills", API_KEY, bill("BD-2", "+919900000015", "1000")).json()
                .get("pointsEarned").asLong();
        assertThat(first).isEqualTo(10 + 50 + 200); // base + first purchase + birthday
        assertThat(second).isEqualTo(10);
        server.send("PUT", "/api/v1/earning-rules/" + rule.json().get("id").asLong(), API_KEY,
                "{\"name\":\"Birthday\",\"type\":\"BONUS\",\"active\":false,\"params\":{\"event\":\"BIRTHDAY\",\"points\":200}}");
    }

    @Test
    void customersAreFoundByAnyFormOfTheirMobileAndKidsAreKept() {
        long id = join("+919900000007");
        assertThat(server.get("/api/v1/customers?mobile=099000%2000007", API_KEY).json().get(0).get("id").asLong())
                .isEqualTo(id);
        Reply kid = server.post("/api/v1/customers/" + id + "/kids", API_KEY,
                "{\"name\":\"Anu\",\"birthday\":{\"month\":2,\"day\":29,\"year\":2020}}");
        assertThat(kid.status()).as(kid.body()).isEqualTo(201);
        Reply badDate = server.post("/api/v1/customers/" + id + "/kids", API_KEY,
                "{\"name\":\"Bo\",\"birthday\":{\"month\":2,\"day\":30}}");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.json().at("/errors/birthday").asText()).isNotEmpty();
        assertThat(server.get("/api/v1/customers/" + id, API_KEY).json().get("kids")).hasSize(1);
        assertThat(server.get("/api/v1/customers?q=Test", API_KEY).json().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void erasingACustomerRemovesPersonalDataAndKeepsTheLedger() {
        long id = join("+919900000016");
        server.post("/api/v1/customers/" + id + "/kids", API_KEY, "{\"name\":\"Kiran\",\"birthday\":{\"month\":1,\"day\":2}}");
        assertThat(server.send("DELETE", "/api/v1/customers/" + id + "?reason=asked%20by%20customer", API_KEY, null)
                .status()).isEqualTo(204);
        JsonNode erased = server.get("/api/v1/customers/" + id, API_KEY).json();
        assertThat(erased.get("status").asText()).isEqualTo("ERASED");
        assertThat(erased.get("name").isNull()).isTrue();
        assertThat(erased.get("mobile").asText()).isEqualTo("erased-" + id);
        assertThat(erased.get("kids")).isEmpty();
        assertThat(server.get("/api/v1/customers?mobile=%2B919900000016", API_KEY).json()).isEmpty();
        assertThat(server.count("SELECT COUNT(*) FROM loyalty_transfer WHERE customer_id = " + id)).isEqualTo(1);
        JsonNode eraseEntry = server.get("/api/v1/audit?entityType=customer&limit=1", API_KEY).json().get(0);
        assertThat(eraseEntry.get("action").asText()).isEqualTo("customer.erase");
        assertThat(eraseEntry.toString()).doesNotContain("9900000016").doesNotContain("Kiran");
        assertThat(server.send("DELETE", "/api/v1/customers/999999", API_KEY, null).status()).isEqualTo(404);
    }
}
