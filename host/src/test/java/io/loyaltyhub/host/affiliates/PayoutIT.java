package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.affiliates.CommissionFixture.Aff;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Payouts: the approved balance is paid once, under concurrent requests and payments; reversals are netted. */
class PayoutIT {
    private static CommissionFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = CommissionFixture.start("payouts", 13, "\"payout-minimum\":\"100\"");
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    /** An affiliate with a customer, bills (5 % commissions) approved by hand. */
    private static Aff withApproved(String name, String prefix, String... amounts) {
        Aff a = f.affiliate(name);
        String m = f.mobile();
        f.customer(m, a.code());
        approvedBills(m, prefix, amounts);
        return a;
    }

    private static void approvedBills(String mobile, String prefix, String... amounts) {
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            bills.add(prefix + "-" + (i + 1) + "-" + System.nanoTime());
            f.bill(bills.get(i), mobile, amounts[i], "");
        }
        f.drain();
        StringBuilder ids = new StringBuilder();
        for (String b : bills) {
            ids.append(ids.isEmpty() ? "" : ",").append(f.commissionId(b, 1));
        }
        assertThat(f.json(f.server.post("/api/v1/commissions/bulk-approve", API_KEY, "{\"ids\":[" + ids + "]}"), 200)
                .get("approved").asInt()).isEqualTo(amounts.length);
    }

    private static BigDecimal balance(Aff a) {
        return new BigDecimal(f.json(f.server.get("/api/v1/payouts/balance/" + a.id(), API_KEY), 200).get("approved")
                .get("amount").asText()); // money is a decimal string
    }

    private static List<Reply> concurrently(int n, Supplier<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return call.get();
            }));
        }
        go.countDown();
        List<Reply> out = new ArrayList<>();
        for (Future<Reply> r : futures) {
            out.add(r.get());
        }
        pool.shutdown();
        return out;
    }

    @Test
    void tenConcurrentRequestsMakeOnePayoutAndItIsPaidOnce() throws Exception {
        Aff a = withApproved("Racer", "PO", "1000", "2000");
        assertThat(balance(a)).isEqualByComparingTo("150.00");
        List<Reply> requests = concurrently(10, () -> f.server.post("/api/v1/payouts", API_KEY,
                "{\"affiliateId\":" + a.id() + "}"));
        assertThat(requests).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(requests).filteredOn(r -> r.status() == 409).hasSize(9)
                .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("payout-open"));
        JsonNode payout = requests.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json();
        long id = payout.get("id").asLong();
        assertThat(payout.get("amount").get("amount").asText()).isEqualTo("150.00");
        assertThat(payout.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(f.server.count("SELECT COUNT(*) FROM affiliate_payout WHERE affiliate_id = " + a.id())).isEqualTo(1);
        assertThat(f.server.count("SELECT COUNT(*) FROM affiliate_commission WHERE payout_id = " + id)).isEqualTo(2);
        assertThat(balance(a)).isEqualByComparingTo("0.00");

        List<Reply> payments = concurrently(10, () -> f.server.post("/api/v1/payouts/" + id + "/pay", API_KEY,
                "{\"method\":\"UPI\",\"reference\":\"UTR-77\",\"proofFile\":\"proofs/utr-77.png\"}"));
        assertThat(payments).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(payments).filteredOn(r -> r.status() == 409).hasSize(9)
                .allSatisfy(r -> assertThat(r.json().get("code").asText()).isEqualTo("payout-already-paid"));
        JsonNode paid = f.json(f.server.get("/api/v1/payouts/" + id, API_KEY), 200);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("method").asText()).isEqualTo("UPI");
        assertThat(paid.get("reference").asText()).isEqualTo("UTR-77");
        assertThat(paid.get("proofFile").asText()).isEqualTo("proofs/utr-77.png");
        assertThat(paid.get("paidBy").asText()).startsWith("apikey:");
        assertThat(f.server.count("SELECT COUNT(*) FROM affiliate_commission WHERE payout_id = " + id
                + " AND status = 'PAID'")).isEqualTo(2);
        assertThat(f.server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.payout-requested' "
                + "AND payload LIKE '%\"payoutId\":" + id + ",%'")).isEqualTo(1);
        assertThat(f.server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.payout-paid' "
                + "AND payload LIKE '%\"payoutId\":" + id + ",%'")).isEqualTo(1);

        Reply again = f.server.post("/api/v1/payouts/" + id + "/pay", API_KEY, "{\"method\":\"UPI\",\"reference\":\"UTR-78\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("payout-already-paid");
        Reply nothingLeft = f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + a.id() + "}");
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.json().get("code").asText()).isEqualTo("payout-below-minimum");
        assertThat(f.json(f.server.get("/api/v1/payouts?affiliateId=" + a.id(), API_KEY), 200)).hasSize(1);
    }

    @Test
    void refusals() {
        Aff small = withApproved("Small", "PS", "1000"); // 50 < 100
        Reply below = f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + small.id() + "}");
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.json().get("code").asText()).isEqualTo("payout-below-minimum");
        assertThat(f.server.post("/api/v1/payouts", API_KEY, "{}").status()).isEqualTo(422);
        assertThat(f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":987654}").status()).isEqualTo(404);
        Aff enough = withApproved("Enough", "PE", "4000");
        long id = f.json(f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + enough.id() + "}"), 201)
                .get("id").asLong();
        Reply noMethod = f.server.post("/api/v1/payouts/" + id + "/pay", API_KEY, "{\"reference\":\"R\"}");
        assertThat(noMethod.status()).isEqualTo(422);
        // refused: the commissions go back to the balance and can be requested again
        JsonNode rejected = f.json(f.server.post("/api/v1/payouts/" + id + "/reject", API_KEY,
                "{\"reason\":\"bank details missing\"}"), 200);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(balance(enough)).isEqualByComparingTo("200.00");
        assertThat(f.server.post("/api/v1/payouts/" + id + "/pay", API_KEY, "{\"method\":\"UPI\",\"reference\":\"R\"}")
                .status()).isEqualTo(409);
        assertThat(f.json(f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + enough.id() + "}"), 201)
                .get("amount").get("amount").asText()).isEqualTo("200.00");
    }

    @Test
    void aCommissionReversedAfterPaymentIsNettedFromTheNextPayout() {
        Aff a = f.affiliate("Netted");
        String m = f.mobile();
        f.customer(m, a.code());
        f.bill("PN-1", m, "3000", "");
        f.drain();
        f.json(f.server.post("/api/v1/commissions/bulk-approve", API_KEY, "{\"ids\":[" + f.commissionId("PN-1", 1) + "]}"), 200);
        long first = f.json(f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + a.id() + "}"), 201).get("id").asLong();
        f.json(f.server.post("/api/v1/payouts/" + first + "/pay", API_KEY, "{\"method\":\"NEFT\",\"reference\":\"N-1\"}"), 200);
        f.reverse("PN-1");
        f.drain();
        assertThat(f.status("PN-1")).isEqualTo("REVERSED");
        assertThat(f.rows("SELECT amount, payout_id FROM affiliate_adjustment WHERE affiliate_id = ?", a.id()))
                .singleElement().satisfies(r -> {
                    assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("-150.00");
                    assertThat(r.get("payout_id")).isNull();
                });
        assertThat(balance(a)).isEqualByComparingTo("-150.00");
        approvedBills(m, "PN", "6000"); // +300
        assertThat(balance(a)).isEqualByComparingTo("150.00");
        JsonNode second = f.json(f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + a.id() + "}"), 201);
        assertThat(second.get("amount").get("amount").asText()).isEqualTo("150.00");
        assertThat(f.rows("SELECT payout_id FROM affiliate_adjustment WHERE affiliate_id = ?", a.id()).get(0).get("payout_id"))
                .isEqualTo(second.get("id").asLong());
        assertThat(balance(a)).isEqualByComparingTo("0.00");
    }

    @Test
    void aCommissionReversedInsideARequestedPayoutLeavesIt() {
        Aff a = f.affiliate("Shrinking");
        String m = f.mobile();
        f.customer(m, a.code());
        f.bill("PR-1", m, "2000", "");
        f.bill("PR-2", m, "4000", "");
        f.drain();
        f.json(f.server.post("/api/v1/commissions/bulk-approve", API_KEY, "{\"ids\":[" + f.commissionId("PR-1", 1) + ","
                + f.commissionId("PR-2", 1) + "]}"), 200);
        long id = f.json(f.server.post("/api/v1/payouts", API_KEY, "{\"affiliateId\":" + a.id() + "}"), 201).get("id").asLong();
        f.reverse("PR-1");
        f.drain();
        JsonNode p = f.json(f.server.get("/api/v1/payouts/" + id, API_KEY), 200);
        assertThat(p.get("amount").get("amount").asText()).isEqualTo("200.00");
        assertThat(p.get("status").asText()).isEqualTo("REQUESTED");
        f.reverse("PR-2");
        f.drain();
        assertThat(f.json(f.server.get("/api/v1/payouts/" + id, API_KEY), 200).get("status").asText()).isEqualTo("REJECTED");
        assertThat(balance(a)).isEqualByComparingTo("0.00");
        assertThat(f.server.count("SELECT COUNT(*) FROM affiliate_payout WHERE open_affiliate = " + a.id())).isZero();
    }
}
