package io.loyaltyhub.host.affiliates;

import io.loyaltyhub.host.affiliates.CommissionFixture.Aff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attribution and commissions through real bills of the loyalty plugin and its events: codes at join and on bills,
 * the window and first/last touch, every plan type, recurring limits, the recruiter's share, reversals, events
 * redelivered or out of order.
 */
class AttributionIT {
    private static CommissionFixture f;

    @BeforeAll
    static void start() throws Exception {
        // a long hold, so what these tests look at stays pending however far the clock moves
        f = CommissionFixture.start("attribution", 11, "\"hold-days\":\"365\",\"default-plan\":"
                + "\"{\\\"type\\\":\\\"PERCENT\\\",\\\"percent\\\":5}\"");
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aCustomerWhoJoinedWithAnAffiliatesCodeEarnsItCommissionOnceHoweverOftenTheEventComes() {
        Aff asha = f.affiliate("Asha");
        String mobile = f.mobile();
        long customer = f.customer(mobile, asha.code().toLowerCase());
        f.bill("AT-1", mobile, "1000.50", "");
        f.drain();
        assertThat(f.attributedTo("AT-1")).isEqualTo(asha.id());
        // 5 % of 1000.50 = 50.025 -> 50.02 (half even)
        assertThat(f.commissions("AT-1")).containsExactly(Map.entry(1, "50.02 PENDING " + asha.id()));
        assertThat(f.rows("SELECT source, code FROM affiliate_touch WHERE customer_id = ?", customer))
                .containsExactly(Map.of("source", "JOIN", "code", asha.code()));

        // the same delivery again (a redelivery after a lost acknowledgement): the host applies it once
        String eventId = (String) f.rows("SELECT event_id FROM outbox_event WHERE event_type = 'loyalty.bill-processed' "
                + "AND payload LIKE '%\"AT-1\"%'").get(0).get("event_id");
        f.execute("UPDATE event_delivery SET status = 'PENDING', next_attempt_at = '2000-01-01' WHERE event_id = ? "
                + "AND listener_id = ?", eventId, CommissionFixture.LISTENER);
        f.drain();
        // the same event under another id (published twice): the listener itself keeps it once
        String copy = UUID.randomUUID().toString();
        f.execute("INSERT INTO outbox_event (event_id, event_type, aggregate_key, payload, occurred_at) SELECT ?, event_type, "
                + "aggregate_key, payload, occurred_at FROM outbox_event WHERE event_id = ?", copy, eventId);
        f.execute("INSERT INTO event_delivery (event_id, listener_id, status, attempts, next_attempt_at, updated_at) "
                + "VALUES (?, ?, 'PENDING', 0, '2000-01-01', '2000-01-01')", copy, CommissionFixture.LISTENER);
        f.drain();
        assertThat(f.server.count("SELECT COUNT(*) FROM applied_event WHERE event_id = '" + copy + "'")).isEqualTo(1);
        assertThat(f.commissions("AT-1")).hasSize(1);
        assertThat(f.server.count("SELECT COUNT(*) FROM affiliate_commission WHERE bill_number = 'AT-1'")).isEqualTo(1);
        assertThat(f.server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'affiliates.commission-earned' "
                + "AND payload LIKE '%\"AT-1\"%'")).isEqualTo(1);

        var stats = f.json(f.server.get("/api/v1/affiliates/" + asha.id() + "/stats", io.loyaltyhub.host.testing.TestServer.API_KEY), 200);
        assertThat(stats.get("conversions").asLong()).isEqualTo(1);
        assertThat(stats.get("revenue").get("amount").asText()).isEqualTo("1000.50");
        assertThat(stats.get("commission").get("amount").asText()).isEqualTo("50.02");
    }

    @Test
    void aLinkCodeAtJoinAndACodeOrCouponOnTheBillAttribute() {
        Aff ravi = f.affiliate("Ravi");
        Aff meena = f.affiliate("Meena");
        Aff kiran = f.affiliate("Kiran");
        String link = f.link(ravi);
        String joinedByLink = f.mobile();
        f.customer(joinedByLink, link);
        f.bill("AT-L1", joinedByLink, "200", "");
        // the bill's own affiliate code wins over the customer's referral
        f.bill("AT-L2", joinedByLink, "300", "\"affiliateCode\":\"" + meena.code() + "\"");
        String walkIn = f.mobile();
        f.customer(walkIn, null);
        f.bill("AT-C1", walkIn, "400", "\"couponCode\":\"" + kiran.code() + "\"");
        String nobodys = f.mobile();
        f.customer(nobodys, null);
        f.bill("AT-N1", nobodys, "400", ""); // no code: nobody's
        f.drain();
        assertThat(f.attributedTo("AT-L1")).isEqualTo(ravi.id());
        assertThat(f.rows("SELECT link_id FROM affiliate_touch WHERE code = ?", link)).hasSize(1);
        assertThat(f.attributedTo("AT-L2")).isEqualTo(meena.id());
        assertThat(f.attributedTo("AT-C1")).isEqualTo(kiran.id());
        assertThat(f.attributedTo("AT-N1")).isNull();
        assertThat(f.commissions("AT-L1")).containsExactly(Map.entry(1, "10.00 PENDING " + ravi.id()));
        assertThat(f.commissions("AT-C1")).containsExactly(Map.entry(1, "20.00 PENDING " + kiran.id()));
        assertThat(f.commissions("AT-N1")).isEmpty();
        // the coupon made a touch: the walk-in's next bill without a code is Kiran's too
        f.bill("AT-C2", walkIn, "100", "");
        f.drain();
        assertThat(f.attributedTo("AT-C2")).isEqualTo(kiran.id());
    }

    @Test
    void theWindowAndFirstOrLastTouchDecide() {
        Aff first = f.affiliate("First");
        Aff second = f.affiliate("Second");
        String mobile = f.mobile();
        f.customer(mobile, first.code());
        f.advance(Duration.ofDays(10));
        f.bill("AT-W1", mobile, "100", "\"affiliateCode\":\"" + second.code() + "\"");
        f.advance(Duration.ofDays(10));
        f.bill("AT-W2", mobile, "100", ""); // last touch (the default): Second
        f.drain();
        f.settings("affiliates", "{\"attribution-model\":\"first-touch\"}");
        f.bill("AT-W3", mobile, "100", ""); // first touch: First
        f.drain();
        f.settings("affiliates", "{\"attribution-window-days\":\"15\"}");
        f.bill("AT-W4", mobile, "100", ""); // 20 days after joining, 10 after Second's: Second's only
        f.drain();
        f.advance(Duration.ofDays(6));
        f.bill("AT-W5", mobile, "100", ""); // 16 days after the last touch: nobody's
        f.drain();
        f.settings("affiliates", "{\"attribution-model\":\"last-touch\",\"attribution-window-days\":\"90\"}");
        assertThat(f.attributedTo("AT-W1")).isEqualTo(second.id());
        assertThat(f.attributedTo("AT-W2")).isEqualTo(second.id());
        assertThat(f.attributedTo("AT-W3")).isEqualTo(first.id());
        assertThat(f.attributedTo("AT-W4")).isEqualTo(second.id());
        assertThat(f.attributedTo("AT-W5")).isNull();
    }

    @Test
    void everyPlanTypeThroughRealBills() {
        Aff flat = f.affiliate("Flat");
        f.plan(flat, "{\"type\":\"FLAT\",\"flat\":75}");
        Aff tiered = f.affiliate("Tiered");
        f.plan(tiered, "{\"type\":\"TIERED\",\"tiers\":[{\"from\":0,\"percent\":5},{\"from\":10000,\"percent\":10}]}");
        Aff category = f.affiliate("Category");
        f.plan(category, "{\"type\":\"CATEGORY\",\"categories\":{\"electronics\":2,\"fashion\":10},\"percent\":4}");
        Aff capped = f.affiliate("Capped");
        f.plan(capped, "{\"type\":\"PERCENT\",\"percent\":10,\"capPerBill\":300,\"capPerMonth\":500}");

        String a = f.mobile();
        f.customer(a, flat.code());
        f.bill("PT-F1", a, "99.99", "");
        String b = f.mobile();
        f.customer(b, tiered.code());
        f.bill("PT-T1", b, "8000", "");
        f.bill("PT-T2", b, "4000", ""); // 8000 -> 12000: 2000 at 5 % + 2000 at 10 %
        String c = f.mobile();
        f.customer(c, category.code());
        f.bill("PT-K1", c, "1800", "\"lines\":[{\"sku\":\"TV\",\"category\":\"Electronics\",\"quantity\":1,\"amount\":1000},"
                + "{\"sku\":\"SHIRT\",\"category\":\"fashion\",\"quantity\":2,\"amount\":500},"
                + "{\"sku\":\"RICE\",\"category\":\"grocery\",\"quantity\":1,\"amount\":500}]");
        String d = f.mobile();
        f.customer(d, capped.code());
        f.bill("PT-C1", d, "5000", ""); // 500 -> capped per bill at 300
        f.bill("PT-C2", d, "4000", ""); // 400 -> the month has 200 of room
        f.bill("PT-C3", d, "1000", ""); // the month is full: attributed, no commission
        f.drain();
        assertThat(f.commissions("PT-F1")).containsExactly(Map.entry(1, "75.00 PENDING " + flat.id()));
        assertThat(f.commissions("PT-T1")).containsExactly(Map.entry(1, "400.00 PENDING " + tiered.id()));
        assertThat(f.commissions("PT-T2")).containsExactly(Map.entry(1, "300.00 PENDING " + tiered.id()));
        // (1000*2% + 500*10% + 500*4%) scaled from lines of 2000 to the bill's 1800 = 90 * 0.9
        assertThat(f.commissions("PT-K1")).containsExactly(Map.entry(1, "81.00 PENDING " + category.id()));
        assertThat(f.commissions("PT-C1")).containsExactly(Map.entry(1, "300.00 PENDING " + capped.id()));
        assertThat(f.commissions("PT-C2")).containsExactly(Map.entry(1, "200.00 PENDING " + capped.id()));
        assertThat(f.attributedTo("PT-C3")).isEqualTo(capped.id());
        assertThat(f.commissions("PT-C3")).isEmpty();
        assertThat(f.rows("SELECT calculation FROM affiliate_commission WHERE bill_number = 'PT-C2'").get(0).get("calculation")
                .toString()).contains("capped per month");
    }

    @Test
    void recurringForTheFirstPurchasesOrMonthsOfAReferredCustomer() {
        Aff twice = f.affiliate("Twice");
        f.plan(twice, "{\"type\":\"PERCENT\",\"percent\":10,\"recurringPurchases\":2}");
        Aff months = f.affiliate("Months");
        f.plan(months, "{\"type\":\"FLAT\",\"flat\":20,\"recurringMonths\":1}");
        String a = f.mobile();
        f.customer(a, twice.code());
        String b = f.mobile();
        f.customer(b, months.code());
        f.bill("RC-A1", a, "100", "");
        f.bill("RC-A2", a, "100", "");
        f.bill("RC-A3", a, "100", "");
        f.bill("RC-B1", b, "100", "");
        f.drain();
        f.advance(Duration.ofDays(20));
        f.bill("RC-B2", b, "100", "");
        f.drain();
        f.advance(Duration.ofDays(15)); // 35 days after the referral: past one month, within the window
        f.bill("RC-B3", b, "100", "");
        f.drain();
        assertThat(f.commissions("RC-A1")).containsExactly(Map.entry(1, "10.00 PENDING " + twice.id()));
        assertThat(f.commissions("RC-A2")).containsExactly(Map.entry(1, "10.00 PENDING " + twice.id()));
        assertThat(f.attributedTo("RC-A3")).isEqualTo(twice.id());
        assertThat(f.commissions("RC-A3")).isEmpty();
        assertThat(f.commissions("RC-B1")).containsExactly(Map.entry(1, "20.00 PENDING " + months.id()));
        assertThat(f.commissions("RC-B2")).containsExactly(Map.entry(1, "20.00 PENDING " + months.id()));
        assertThat(f.attributedTo("RC-B3")).isEqualTo(months.id());
        assertThat(f.commissions("RC-B3")).isEmpty();
    }

    @Test
    void theRecruiterEarnsTheirShareOnTheirRecruitsBills() {
        Aff recruiter = f.affiliate("Recruiter");
        f.plan(recruiter, "{\"type\":\"PERCENT\",\"percent\":5,\"levelTwoPercent\":10}");
        Aff recruit = f.affiliate("Recruit", recruiter.code(), null);
        assertThat(f.rows("SELECT recruited_by FROM affiliate WHERE id = ?", recruit.id()).get(0).get("recruited_by"))
                .isEqualTo(recruiter.id());
        Aff loner = f.affiliate("Loner");
        String a = f.mobile();
        f.customer(a, recruit.code());
        f.bill("ML-1", a, "2001", "");
        String b = f.mobile();
        f.customer(b, loner.code());
        f.bill("ML-2", b, "2000", "");
        f.drain();
        // 5 % of 2001 = 100.05; the recruiter's 10 % of it = 10.005 -> 10.00 (half even)
        assertThat(f.commissions("ML-1")).containsExactly(Map.entry(1, "100.05 PENDING " + recruit.id()),
                Map.entry(2, "10.00 PENDING " + recruiter.id()));
        assertThat(f.commissions("ML-2")).containsOnlyKeys(1);
        var mine = f.json(f.server.get("/api/v1/commissions?affiliateId=" + recruiter.id(),
                io.loyaltyhub.host.testing.TestServer.API_KEY), 200);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("level").asInt()).isEqualTo(2);
        assertThat(mine.get(0).get("billNumber").asText()).isEqualTo("ML-1");
        f.reverse("ML-1");
        f.drain();
        assertThat(f.commissions("ML-1")).containsExactly(Map.entry(1, "100.05 REVERSED " + recruit.id()),
                Map.entry(2, "10.00 REVERSED " + recruiter.id()));
    }

    @Test
    void aReversedBillReversesItsCommissionPendingOrApproved() {
        Aff a = f.affiliate("Reversed");
        String m = f.mobile();
        f.customer(m, a.code());
        f.bill("RV-1", m, "1000", "");
        f.bill("RV-2", m, "1000", "");
        f.bill("RV-3", m, "1000", "");
        f.drain();
        long approved = (Long) f.rows("SELECT id FROM affiliate_commission WHERE bill_number = 'RV-2'").get(0).get("id");
        f.json(f.server.post("/api/v1/commissions/" + approved + "/approve", io.loyaltyhub.host.testing.TestServer.API_KEY,
                null), 200);
        f.reverse("RV-1");
        f.reverse("RV-2");
        f.reverse("RV-2"); // twice is once
        f.drain();
        assertThat(f.commissions("RV-1")).containsExactly(Map.entry(1, "50.00 REVERSED " + a.id()));
        assertThat(f.commissions("RV-2")).containsExactly(Map.entry(1, "50.00 REVERSED " + a.id()));
        assertThat(f.commissions("RV-3")).containsExactly(Map.entry(1, "50.00 PENDING " + a.id()));
        var stats = f.json(f.server.get("/api/v1/affiliates/" + a.id() + "/stats", io.loyaltyhub.host.testing.TestServer.API_KEY), 200);
        assertThat(stats.get("conversions").asLong()).isEqualTo(1);
        assertThat(stats.get("commission").get("amount").asText()).isEqualTo("50.00");
        assertThat(f.rows("SELECT reason FROM affiliate_commission WHERE bill_number = 'RV-1'").get(0).get("reason"))
                .isEqualTo("bill reversed: returned");
    }

    @Test
    void eventsInAnyOrder() {
        Aff late = f.affiliate("Late");
        // a bill whose customer's join (with the code) is delivered after it
        String m = f.mobile();
        long customer = f.customer(m, null);
        f.bill("OO-1", m, "600", "");
        f.drain();
        assertThat(f.attributedTo("OO-1")).isNull();
        publish("loyalty.customer-joined", "{\"customerId\":" + customer + ",\"mobile\":\"" + m + "\",\"referralCode\":\""
                + late.code() + "\"}", f.clock.instant().minus(Duration.ofMinutes(5)));
        f.drain();
        assertThat(f.attributedTo("OO-1")).isEqualTo(late.id());
        assertThat(f.commissions("OO-1")).containsExactly(Map.entry(1, "30.00 PENDING " + late.id()));

        // a reversal delivered before its bill: the bill is attributed, earns nothing
        String n = f.mobile();
        f.customer(n, late.code());
        publish("loyalty.bill-reversed", "{\"billNumber\":\"OO-2\",\"customerId\":0,\"reason\":\"cancelled\"}", f.clock.instant());
        f.drain();
        f.bill("OO-2", n, "700", "");
        f.drain();
        assertThat(f.attributedTo("OO-2")).isEqualTo(late.id());
        assertThat(f.commissions("OO-2")).isEmpty();
        assertThat(f.rows("SELECT reversed_at FROM affiliate_bill WHERE bill_number = 'OO-2'").get(0).get("reversed_at"))
                .isNotNull();
    }

    @Test
    void leaderboardByConversionsThenRevenue() {
        Aff one = f.affiliate("Board one");
        Aff two = f.affiliate("Board two");
        Aff three = f.affiliate("Board three");
        String a = f.mobile();
        f.customer(a, one.code());
        f.bill("LB-1", a, "100", "");
        f.bill("LB-2", a, "100", "");
        String b = f.mobile();
        f.customer(b, two.code());
        f.bill("LB-3", b, "1000", "");
        String c = f.mobile();
        f.customer(c, three.code());
        f.bill("LB-4", c, "300", "");
        f.bill("LB-5", c, "300", "");
        f.bill("LB-6", c, "300", "");
        f.reverse("LB-6"); // returned: not a conversion
        f.drain();
        var board = f.json(f.server.get("/api/v1/affiliate-leaderboard?from=2020-01-01&to=2030-01-01&limit=100",
                io.loyaltyhub.host.testing.TestServer.API_KEY), 200);
        List<Long> order = new java.util.ArrayList<>();
        for (var r : board) {
            long id = r.get("affiliateId").asLong();
            if (id == one.id() || id == two.id() || id == three.id()) {
                order.add(id);
            }
            if (id == three.id()) {
                assertThat(r.get("conversions").asLong()).isEqualTo(2);
                assertThat(r.get("revenue").get("amount").asText()).isEqualTo("600.00");
                assertThat(r.get("commission").get("amount").asText()).isEqualTo("30.00");
            }
        }
        assertThat(order).containsExactly(three.id(), one.id(), two.id());
        assertThat(f.server.get("/api/v1/affiliate-leaderboard?from=2030-01-01&to=2020-01-01",
                io.loyaltyhub.host.testing.TestServer.API_KEY).status()).isEqualTo(422);
    }

    private static void publish(String type, String payload, java.time.Instant at) {
        f.publish(type, payload, at);
    }
}
