package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.ui.common.Rejections;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.loyaltyhub.ui.affiliates.FakeAffiliateService.T0;
import static io.loyaltyhub.ui.affiliates.FakeAffiliateService.affiliate;
import static io.loyaltyhub.ui.affiliates.FakeAffiliateService.commission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AffiliateLogicTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @Test
    void moneyIsExactWithItsCurrency() {
        assertThat(MoneyText.format(Money.of("1234.5", "INR"))).isEqualTo("INR 1,234.50");
        assertThat(MoneyText.format(Money.of("0", "USD"))).isEqualTo("USD 0.00");
        assertThat(MoneyText.format(Money.of("-12", "INR"))).isEqualTo("INR -12.00");
        assertThat(MoneyText.format(Money.of("12345678901234567.89", "INR")))
                .as("no double anywhere: every digit stays").isEqualTo("INR 12,345,678,901,234,567.89");
        assertThat(MoneyText.format(Money.of("0.1", "INR").plus(Money.of("0.2", "INR")))).isEqualTo("INR 0.30");
        assertThat(MoneyText.format(null)).isEmpty();
        assertThat(MoneyText.amount(new BigDecimal("1000000"))).isEqualTo("1,000,000.00");
    }

    @Test
    void totalsArePerCurrency() {
        List<Money> amounts = List.of(Money.of("10.10", "INR"), Money.of("5", "USD"), Money.of("0.20", "INR"));
        assertThat(MoneyText.totals(amounts)).containsExactly(Money.of("10.30", "INR"), Money.of("5", "USD"));
        assertThat(MoneyText.formatTotals(amounts)).isEqualTo("INR 10.30 + USD 5.00");
        assertThat(MoneyText.formatTotals(List.of())).isEqualTo("0");
        assertThat(MoneyText.fraction(Money.of("25", "INR"), Money.of("100", "INR"))).isEqualTo(0.25);
        assertThat(MoneyText.fraction(Money.of("25", "INR"), Money.of("100", "USD"))).isZero();
        assertThat(MoneyText.fraction(Money.of("5", "INR"), Money.of("0", "INR"))).isZero();
        assertThat(MoneyText.maxByCurrency(amounts)).containsEntry("INR", Money.of("10.10", "INR"));
    }

    @Test
    void periodsAsSeenToday() {
        assertThat(Period.THIS_MONTH.range(TODAY, null, null))
                .hasValue(new DateRange(LocalDate.of(2026, 3, 1), TODAY));
        assertThat(Period.LAST_MONTH.range(TODAY, null, null))
                .hasValue(new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertThat(Period.LAST_MONTH.range(LocalDate.of(2026, 1, 5), null, null))
                .hasValue(new DateRange(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
        assertThat(Period.LAST_7_DAYS.range(TODAY, null, null)).get().extracting(DateRange::days).isEqualTo(7L);
        assertThat(Period.LAST_30_DAYS.range(TODAY, null, null)).get().extracting(DateRange::days).isEqualTo(30L);
        assertThat(Period.CUSTOM.range(TODAY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)))
                .hasValue(DateRange.day(LocalDate.of(2026, 1, 1)));
        assertThat(Period.CUSTOM.range(TODAY, null, TODAY)).isEmpty();
        assertThat(Period.CUSTOM.range(TODAY, TODAY, TODAY.minusDays(1))).isEmpty();
        assertThat(Period.customProblem(TODAY, TODAY.minusDays(1))).hasValue("The last day is before the first.");
        assertThat(Period.customProblem(null, TODAY)).isPresent();
        assertThat(Period.customProblem(TODAY, TODAY)).isEmpty();
    }

    @Test
    void rangesAreHalfOpenInstantsInTheZone() {
        DateRange march = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(march.from(kolkata)).isEqualTo(Instant.parse("2026-02-28T18:30:00Z"));
        assertThat(march.to(kolkata)).isEqualTo(Instant.parse("2026-03-31T18:30:00Z"));
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.label()).isEqualTo("1 Mar 2026 – 31 Mar 2026");
        assertThat(DateRange.day(LocalDate.of(2026, 3, 4)).shortLabel()).isEqualTo("4 Mar");
        assertThatThrownBy(() -> new DateRange(TODAY, TODAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketsCoverTheRangeInAtMostMaxParts() {
        DateRange month = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(month.buckets(31)).hasSize(31).allMatch(b -> b.days() == 1);
        DateRange quarter = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)); // 90 days
        List<DateRange> parts = quarter.buckets(31);
        assertThat(parts).hasSize(30).allMatch(b -> b.days() == 3);
        DateRange odd = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)); // 32 days
        List<DateRange> two = odd.buckets(31);
        assertThat(two).hasSize(16);
        assertThat(two.getFirst()).isEqualTo(new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));
        assertThat(two.getLast().last()).isEqualTo(LocalDate.of(2026, 2, 1));
        DateRange year = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        List<DateRange> yearParts = year.buckets(31);
        assertThat(yearParts.size()).isLessThanOrEqualTo(31);
        assertThat(yearParts.getFirst().first()).isEqualTo(year.first());
        assertThat(yearParts.getLast().last()).isEqualTo(year.last());
        assertThat(yearParts.stream().mapToLong(DateRange::days).sum()).isEqualTo(365);
    }

    @Test
    void seriesAsksTheServiceOncePerBucketAndNeverMoreThan31Times() {
        FakeAffiliateService service = new FakeAffiliateService();
        service.clicksConversions = (from, to) -> from.equals(Instant.parse("2026-03-02T00:00:00Z"))
                ? new long[] {12, 9, 2} : new long[] {1, 1, 0};
        DateRange week = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7));
        List<ActivitySeries.Point> points = ActivitySeries.of(service, 5, week, ZoneOffset.UTC);
        assertThat(points).hasSize(7);
        assertThat(points.get(1)).isEqualTo(new ActivitySeries.Point(DateRange.day(LocalDate.of(2026, 3, 2)), 12, 9, 2));
        assertThat(service.statsCalls.get(1)).containsExactly(Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(ActivitySeries.resolution(points)).isEqualTo("per day");

        service.statsCalls.clear();
        List<ActivitySeries.Point> year = ActivitySeries.of(service, 5,
                new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), ZoneOffset.UTC);
        assertThat(service.statsCalls).hasSizeLessThanOrEqualTo(ActivitySeries.MAX_CALLS).hasSize(year.size());
        assertThat(ActivitySeries.resolution(year)).isEqualTo("per 12 days");
        assertThat(service.statsCalls.getFirst()[0]).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(service.statsCalls.getLast()[1]).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void activityChartHasABarAndADotPerBucket() {
        List<ActivitySeries.Point> points = List.of(
                new ActivitySeries.Point(DateRange.day(LocalDate.of(2026, 3, 1)), 40, 30, 1),
                new ActivitySeries.Point(DateRange.day(LocalDate.of(2026, 3, 2)), 0, 0, 0),
                new ActivitySeries.Point(DateRange.day(LocalDate.of(2026, 3, 3)), 18, 11, 3));
        String svg = SvgCharts.activity(points);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(count(svg, "class=\"bar-clicks\"")).isEqualTo(3);
        assertThat(count(svg, "class=\"dot-conversions\"")).isEqualTo(3);
        assertThat(svg).contains("data-value=\"40\"").contains("1 Mar 2026: 40 clicks (30 unique), 1 conversions")
                .contains(">1 Mar<").contains("class=\"line-conversions\"");
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(SvgCharts.activity(List.of())).doesNotContain("NaN").contains("</svg>");
    }

    @Test
    void leaderboardChartEscapesNamesAndScalesRevenueExactly() {
        String svg = SvgCharts.leaderboard(List.of(
                new SvgCharts.Bar("1. Tom & <Jerry>", 10, Money.of("5000", "INR")),
                new SvgCharts.Bar("2. \"Quote\"", 5, Money.of("1250.50", "INR"))));
        assertThat(svg).contains("Tom &amp; &lt;Jerry&gt;").doesNotContain("<Jerry>").contains("&quot;Quote&quot;");
        assertThat(count(svg, "class=\"bar-conversions\"")).isEqualTo(2);
        assertThat(svg).contains("data-value=\"1250.50\"").contains("INR 1,250.50").contains("INR 5,000.00");
    }

    @Test
    void axesEndOnRoundNumbers() {
        assertThat(SvgCharts.niceMax(0)).isEqualTo(4);
        assertThat(SvgCharts.niceMax(3)).isEqualTo(4);
        assertThat(SvgCharts.niceMax(7)).isEqualTo(8);
        assertThat(SvgCharts.niceMax(40)).isEqualTo(40);
        assertThat(SvgCharts.niceMax(41)).isEqualTo(80);
        assertThat(SvgCharts.niceMax(123)).isEqualTo(200);
        assertThat(SvgCharts.niceMax(999)).isEqualTo(1000);
        assertThat(SvgCharts.escape("a<b>&'\"\u0001")).isEqualTo("a&lt;b&gt;&amp;&#39;&quot;");
    }

    @Test
    void approvalQueuePutsPendingFirstOldestFirst() {
        List<Affiliate> all = List.of(affiliate(1, "old approved", AffiliateStatus.APPROVED, T0),
                affiliate(2, "pending late", AffiliateStatus.PENDING, T0.plusSeconds(200)),
                affiliate(3, "new rejected", AffiliateStatus.REJECTED, T0.plusSeconds(300)),
                affiliate(4, "pending early", AffiliateStatus.PENDING, T0.plusSeconds(100)));
        assertThat(Queues.approvalQueue(all)).extracting(Affiliate::id).containsExactly(4L, 2L, 3L, 1L);
    }

    @Test
    void openAlertsComeFirst() {
        FraudAlert resolvedNew = alert(1, T0.plusSeconds(500), T0.plusSeconds(600), true);
        FraudAlert openOld = alert(2, T0, null, null);
        FraudAlert openNew = alert(3, T0.plusSeconds(100), null, null);
        assertThat(Queues.alertQueue(List.of(resolvedNew, openOld, openNew))).extracting(FraudAlert::id)
                .containsExactly(3L, 2L, 1L);
        assertThat(Queues.alertState(openOld)).isEqualTo("open, holding");
        assertThat(Queues.alertState(resolvedNew)).isEqualTo("confirmed fraud");
        assertThat(Queues.alertState(alert(4, T0, T0, false))).isEqualTo("false alarm");
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("ip", "10.0.0.1");
        evidence.put("clicks", "40");
        assertThat(Queues.evidenceLines(evidence)).containsExactly("clicks: 40", "ip: 10.0.0.1");
        assertThat(Queues.evidenceInline(evidence)).isEqualTo("clicks: 40 · ip: 10.0.0.1");
        assertThat(Queues.evidenceLines(null)).isEmpty();
    }

    static FraudAlert alert(long id, Instant raised, Instant resolved, Boolean confirmed) {
        return new FraudAlert(id, "affiliates.click-burst", 1L, null, "click:" + id, "40 clicks in a minute",
                Map.of("ip", "10.0.0.1"), resolved == null, raised, resolved, resolved == null ? null : "alice",
                confirmed);
    }

    @Test
    void selectionSummaryAndBulkResult() {
        List<Commission> selected = List.of(commission(1, 1, "10.50", CommissionStatus.PENDING),
                commission(2, 1, "4.50", CommissionStatus.APPROVED), commission(3, 2, "5", CommissionStatus.PENDING));
        assertThat(Queues.approvable(selected)).containsExactly(1L, 3L);
        assertThat(Queues.selectionSummary(selected)).isEqualTo("3 selected (2 pending) · INR 20.00");
        assertThat(Queues.selectionSummary(List.of())).isEqualTo("None selected");
        assertThat(Queues.bulkResult(2, 2, 0)).isEqualTo("Approved 2 commissions.");
        assertThat(Queues.bulkResult(1, 2, 1)).isEqualTo("Approved 1 commission. 1 was not pending and left alone. "
                + "1 was not approved (held by a fraud alert or changed meanwhile).");
    }

    @Test
    void historyHasOnlyFinishedPayoutsNewestFirst() {
        Payout requested = new Payout(1, 1, Money.of("100", "INR"), PayoutStatus.REQUESTED, T0, null, null, null, null, null);
        Payout paidEarly = new Payout(2, 1, Money.of("100", "INR"), PayoutStatus.PAID, T0, T0.plusSeconds(10), "UPI",
                "R1", null, "alice");
        Payout paidLate = new Payout(3, 2, Money.of("50", "INR"), PayoutStatus.PAID, T0, T0.plusSeconds(20), "UPI",
                "R2", null, "alice");
        assertThat(Queues.history(List.of(requested, paidEarly, paidLate))).extracting(Payout::id).containsExactly(3L, 2L);
    }

    @Test
    void leaderboardRanksByConversionsOrRevenueWithTies() {
        List<AffiliateStats> stats = List.of(stats(1, 5, "100"), stats(2, 9, "50"), stats(3, 5, "100"),
                stats(4, 1, "900"));
        assertThat(LeaderboardRanking.rank(stats, LeaderboardRanking.By.CONVERSIONS))
                .extracting(r -> r.rank() + ":" + r.stats().affiliateId()).containsExactly("1:2", "2:1", "2:3", "4:4");
        assertThat(LeaderboardRanking.rank(stats, LeaderboardRanking.By.REVENUE))
                .extracting(r -> r.rank() + ":" + r.stats().affiliateId()).containsExactly("1:4", "2:1", "2:3", "4:2");
    }

    static AffiliateStats stats(long id, long conversions, String revenue) {
        return new AffiliateStats(id, T0, T0.plusSeconds(86400), conversions * 10, conversions * 8, conversions,
                Money.of(revenue, "INR"), Money.of("1", "INR"));
    }

    @Test
    void rejectionTexts() {
        assertThat(Rejections.message(new Rejected(Rejected.Kind.CONFLICT,
                "payout-below-minimum", "Approved balance INR 120.00 is below the minimum INR 500.00.")))
                .isEqualTo("Approved balance INR 120.00 is below the minimum INR 500.00.");
        assertThat(Rejections.message(new Rejected(Rejected.Kind.CONFLICT,
                "payout-already-paid", null))).isEqualTo("This payout was already paid.");
        assertThat(Rejections.forCode("brand-new")).isEqualTo("Refused (brand-new).");
        Rejected invalid = new Rejected(Rejected.Kind.INVALID, "validation-failed",
                "Check the link.", Map.of("targetUrl", "http or https only", "utmSource", "too long"));
        assertThat(Rejections.message(invalid))
                .isEqualTo("Check the link.\ntargetUrl: http or https only\nutmSource: too long");
        assertThat(Rejections.message(invalid, Map.of())).isEqualTo("Check the link.");
    }

    @Test
    void commissionStatusFromTheAddress() {
        assertThat(CommissionsView.parseStatus(null, CommissionStatus.PENDING)).hasValue(CommissionStatus.PENDING);
        assertThat(CommissionsView.parseStatus("approved", CommissionStatus.PENDING)).hasValue(CommissionStatus.APPROVED);
        assertThat(CommissionsView.parseStatus("ALL", CommissionStatus.PENDING)).isEmpty();
        assertThat(CommissionsView.parseStatus("nonsense", CommissionStatus.PENDING)).hasValue(CommissionStatus.PENDING);
        assertThat(AffiliateDetailView.parseId(" 42 ")).hasValue(42);
        assertThat(AffiliateDetailView.parseId("x")).isEmpty();
        assertThat(AffiliateDetailView.parseId("-1")).isEmpty();
        assertThat(AffiliateDetailView.path(7)).isEqualTo("affiliates/7");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
