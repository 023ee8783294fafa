package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.affiliates.CommissionFixture.Aff;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pending for the hold period, then approved by the job (the host's scheduler, on a moved clock), unless above the
 * manual-approval amount; approve, reject and bulk approve over REST.
 */
class CommissionLifecycleIT {
    private static CommissionFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = CommissionFixture.start("commission-lifecycle", 12, "\"manual-approval-above\":\"400\"");
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    private static Aff withCustomer(String name, String[] mobile) {
        Aff a = f.affiliate(name);
        mobile[0] = f.mobile();
        f.customer(mobile[0], a.code());
        return a;
    }

    @Test
    void pendingForTheHoldThenApprovedByTheJob() {
        String[] m = new String[1];
        Aff a = withCustomer("Holder", m);
        Instant billedAt = f.clock.instant().minusSeconds(60);
        f.bill("CL-1", m[0], "1000", "");
        f.drain();
        long id = f.commissionId("CL-1", 1);
        JsonNode c = f.json(f.server.get("/api/v1/commissions/" + id, API_KEY), 200);
        assertThat(c.get("status").asText()).isEqualTo("PENDING");
        assertThat(c.get("amount").get("amount").asText()).isEqualTo("50.00");
        assertThat(c.get("amount").get("currency").asText()).isEqualTo("INR");
        assertThat(Instant.parse(c.get("holdUntil").asText())).isEqualTo(billedAt.plus(Duration.ofDays(30)));

        f.advance(Duration.ofDays(29)); // the job ran: too early
        assertThat(f.status("CL-1")).isEqualTo("PENDING");
        f.advance(Duration.ofDays(1).plusMinutes(5));
        assertThat(f.status("CL-1")).isEqualTo("APPROVED");
        assertThat(f.server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.commission-approved' "
                + "AND payload LIKE '%\"commissionId\":" + id + ",%'")).isEqualTo(1);
        JsonNode balance = f.json(f.server.get("/api/v1/payouts/balance/" + a.id(), API_KEY), 200);
        assertThat(balance.get("approved").get("amount").asText()).isEqualTo("50.00");
        f.advance(Duration.ofDays(1)); // runs again: nothing approved twice
        assertThat(f.server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.commission-approved' "
                + "AND payload LIKE '%\"commissionId\":" + id + ",%'")).isEqualTo(1);
    }

    @Test
    void aboveTheManualAmountACommissionWaitsForAPerson() {
        String[] m = new String[1];
        withCustomer("Big", m);
        f.bill("CL-2", m[0], "10000", ""); // 500.00 > 400
        f.bill("CL-3", m[0], "8000", ""); // 400.00: not above
        f.drain();
        f.advance(Duration.ofDays(31));
        assertThat(f.status("CL-2")).isEqualTo("PENDING");
        assertThat(f.status("CL-3")).isEqualTo("APPROVED");
        Reply approved = f.server.post("/api/v1/commissions/" + f.commissionId("CL-2", 1) + "/approve", API_KEY, null);
        assertThat(f.json(approved, 200).get("status").asText()).isEqualTo("APPROVED");
        assertThat(f.server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.commission-approved' "
                + "AND payload LIKE '%\"CL-2\"%' AND payload LIKE '%apikey:%'")).isEqualTo(1);
        // approving an approved commission changes nothing
        assertThat(f.json(f.server.post("/api/v1/commissions/" + f.commissionId("CL-2", 1) + "/approve", API_KEY, null), 200)
                .get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void rejectAndBulkApprove() {
        String[] m = new String[1];
        Aff a = withCustomer("Bulk", m);
        f.bill("CL-B1", m[0], "100", "");
        f.bill("CL-B2", m[0], "200", "");
        f.bill("CL-B3", m[0], "300", "");
        f.drain();
        long b1 = f.commissionId("CL-B1", 1);
        long b2 = f.commissionId("CL-B2", 1);
        long b3 = f.commissionId("CL-B3", 1);
        Reply noReason = f.server.post("/api/v1/commissions/" + b1 + "/reject", API_KEY, "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("code").asText()).isEqualTo("missing-field");
        JsonNode rejected = f.json(f.server.post("/api/v1/commissions/" + b1 + "/reject", API_KEY,
                "{\"reason\":\"duplicate order\"}"), 200);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("duplicate order");
        Reply approveRejected = f.server.post("/api/v1/commissions/" + b1 + "/approve", API_KEY, null);
        assertThat(approveRejected.status()).isEqualTo(409);
        assertThat(approveRejected.json().get("code").asText()).isEqualTo("commission-not-pending");

        JsonNode bulk = f.json(f.server.post("/api/v1/commissions/bulk-approve", API_KEY,
                "{\"ids\":[" + b1 + "," + b2 + "," + b3 + ",999999]}"), 200);
        assertThat(bulk.get("approved").asInt()).isEqualTo(2);
        assertThat(bulk.get("requested").asInt()).isEqualTo(4);
        assertThat(f.json(f.server.post("/api/v1/commissions/bulk-approve", API_KEY, "{\"ids\":[" + b2 + "," + b3 + "]}"), 200)
                .get("approved").asInt()).isZero();
        assertThat(f.server.post("/api/v1/commissions/bulk-approve", API_KEY, "{\"ids\":[]}").status()).isEqualTo(422);
        JsonNode approved = f.json(f.server.get("/api/v1/commissions?status=approved&affiliateId=" + a.id(), API_KEY), 200);
        assertThat(approved).extracting(x -> x.get("billNumber").asText()).containsExactly("CL-B3", "CL-B2");
        assertThat(f.server.get("/api/v1/commissions?status=SOMETIMES", API_KEY).status()).isEqualTo(400);
        assertThat(f.server.get("/api/v1/commissions/999999", API_KEY).status()).isEqualTo(404);
        // an approved commission not yet in a payout may still be rejected
        assertThat(f.json(f.server.post("/api/v1/commissions/" + b3 + "/reject", API_KEY, "{\"reason\":\"fake order\"}"), 200)
                .get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void managersDecideAndSupportOnlyReads() {
        for (String role : new String[]{"manager", "support"}) {
            Reply created = f.server.post("/api/v1/staff", API_KEY, "{\"username\":\"" + role + "-cl\",\"displayName\":\""
                    + role + "\",\"role\":\"" + role.toUpperCase() + "\",\"password\":\"" + role + "-password-123\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        String manager = f.server.staffToken("manager-cl", "manager-password-123");
        String support = f.server.staffToken("support-cl", "support-password-123");
        String[] m = new String[1];
        Aff a = withCustomer("Roles", m);
        f.bill("CL-R1", m[0], "6000", "");
        f.bill("CL-R2", m[0], "6000", "");
        f.drain();
        long one = f.commissionId("CL-R1", 1);
        long two = f.commissionId("CL-R2", 1);
        assertThat(f.server.get("/api/v1/commissions?affiliateId=" + a.id(), support).status()).isEqualTo(200);
        assertThat(f.server.post("/api/v1/commissions/" + one + "/approve", support, null).status()).isEqualTo(403);
        assertThat(f.server.post("/api/v1/commissions/bulk-approve", support, "{\"ids\":[" + one + "]}").status()).isEqualTo(403);
        assertThat(f.json(f.server.post("/api/v1/commissions/bulk-approve", manager, "{\"ids\":[" + one + "," + two + "]}"), 200)
                .get("approved").asInt()).isEqualTo(2);
        assertThat(f.server.post("/api/v1/payouts", support, "{\"affiliateId\":" + a.id() + "}").status()).isEqualTo(403);
        long payout = f.json(f.server.post("/api/v1/payouts", manager, "{\"affiliateId\":" + a.id() + "}"), 201).get("id").asLong();
        assertThat(f.server.post("/api/v1/payouts/" + payout + "/pay", support, "{\"method\":\"UPI\",\"reference\":\"X\"}")
                .status()).isEqualTo(403);
        JsonNode paid = f.json(f.server.post("/api/v1/payouts/" + payout + "/pay", manager,
                "{\"method\":\"UPI\",\"reference\":\"UTR-9\"}"), 200);
        assertThat(paid.get("paidBy").asText()).isEqualTo("staff:manager-cl");
        assertThat(f.server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'payout.pay'")).isEqualTo(1);
    }
}
