package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.BillLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EarningEngineTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    // Saturday 2026-11-21 11:30 IST
    private static final ZonedDateTime SATURDAY = ZonedDateTime.of(2026, 11, 21, 11, 30, 0, 0, IST);
    private static long ids = 1;

    private static RuleDef rule(RuleDef.Type type, Map<String, Object> params) {
        return new RuleDef(ids++, type.name().toLowerCase(), type, true, params, null, null);
    }

    private static final RuleDef BASE = rule(RuleDef.Type.BASE_RATE,
            Map.of("pointsPerUnit", "0.01", "rounding", "FLOOR", "minimumBill", "100"));

    private static EarningEngine.Input bill(String amount, List<BillLine> lines) {
        return new EarningEngine.Input(new BigDecimal(amount), lines, SATURDAY, "SILVER", BigDecimal.ONE, 0, false, false);
    }

    private static long points(List<RuleDef> rules, EarningEngine.Input in) {
        return EarningEngine.evaluate(rules, in).points();
    }

    @Test
    void baseRateRoundsDownAndNamesTheRule() {
        EarningEngine.Outcome o = EarningEngine.evaluate(List.of(BASE), bill("2599.99", List.of()));
        assertThat(o.points()).isEqualTo(25);
        assertThat(o.applied()).extracting(a -> a.name()).containsExactly("base_rate");
        RuleDef halfUp = rule(RuleDef.Type.BASE_RATE, Map.of("pointsPerUnit", "0.01", "rounding", "HALF_UP"));
        assertThat(points(List.of(halfUp), bill("2550", List.of()))).isEqualTo(26);
    }

    @Test
    void belowTheMinimumEarnsNothingAndNoRulesMeansNoPoints() {
        assertThat(points(List.of(BASE), bill("99.99", List.of()))).isZero();
        assertThat(points(List.of(), bill("5000", List.of()))).isZero();
    }

    @Test
    void skuMultiplierBeatsCategoryAndAppliesToItsLineOnly() {
        RuleDef dairy = rule(RuleDef.Type.CATEGORY_MULTIPLIER, Map.of("category", "dairy", "multiplier", "2"));
        RuleDef ghee = rule(RuleDef.Type.SKU_MULTIPLIER, Map.of("sku", "GHEE-1L", "multiplier", "5"));
        List<BillLine> lines = List.of(
                new BillLine("MILK-1L", "dairy", BigDecimal.ONE, new BigDecimal("100")),   // +100 extra
                new BillLine("GHEE-1L", "dairy", BigDecimal.ONE, new BigDecimal("500")),   // sku: +2000 extra
                new BillLine("SOAP", "home", BigDecimal.ONE, new BigDecimal("400")));      // none
        // eligible = 1000 + 100 + 2000 = 3100 -> 31 points
        assertThat(points(List.of(BASE, dairy, ghee), bill("1000", lines))).isEqualTo(31);
    }

    @Test
    void tierAndCampaignMultipliersCombineExactly() {
        RuleDef weekend = rule(RuleDef.Type.CAMPAIGN, Map.of("multiplier", "2", "daysOfWeek", List.of("SAT", "SUN"),
                "fromTime", "10:00", "toTime", "14:00", "bonusPoints", "10"));
        EarningEngine.Input gold = new EarningEngine.Input(new BigDecimal("1000"), List.of(), SATURDAY, "GOLD",
                new BigDecimal("1.25"), 0, false, false);
        // 1000 * 0.01 * 1.25 * 2 = 25, + 10 bonus
        EarningEngine.Outcome o = EarningEngine.evaluate(List.of(BASE, weekend), gold);
        assertThat(o.points()).isEqualTo(35);
        assertThat(o.applied()).extracting(a -> a.name()).contains("Tier GOLD", "campaign");
        EarningEngine.Input monday = new EarningEngine.Input(new BigDecimal("1000"), List.of(),
                SATURDAY.plusDays(2), "GOLD", new BigDecimal("1.25"), 0, false, false);
        assertThat(points(List.of(BASE, weekend), monday)).isEqualTo(12); // 12.5 floored, no campaign
    }

    @Test
    void campaignsOnlyWithinTheirDates() {
        RuleDef diwali = new RuleDef(99, "Diwali", RuleDef.Type.CAMPAIGN, true, Map.of("multiplier", "3"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(points(List.of(BASE, diwali), bill("1000", List.of()))).isEqualTo(10);
        RuleDef off = new RuleDef(98, "Off", RuleDef.Type.CAMPAIGN, false, Map.of("multiplier", "3"), null, null);
        assertThat(points(List.of(BASE, off), bill("1000", List.of()))).isEqualTo(10);
    }

    @Test
    void bonusEventsThenCapsPerBillAndPerDay() {
        RuleDef first = rule(RuleDef.Type.BONUS, Map.of("event", "FIRST_PURCHASE", "points", 50));
        RuleDef birthday = rule(RuleDef.Type.BONUS, Map.of("event", "BIRTHDAY", "points", 200));
        RuleDef billCap = rule(RuleDef.Type.BILL_CAP, Map.of("maxPoints", 220));
        RuleDef dayCap = rule(RuleDef.Type.DAILY_CAP, Map.of("maxPoints", 300));
        List<RuleDef> rules = new ArrayList<>(List.of(BASE, first, birthday));
        EarningEngine.Input firstOnBirthday = new EarningEngine.Input(new BigDecimal("1000"), List.of(), SATURDAY,
                "SILVER", BigDecimal.ONE, 0, true, true);
        assertThat(points(rules, firstOnBirthday)).isEqualTo(260);
        rules.add(billCap);
        assertThat(points(rules, firstOnBirthday)).isEqualTo(220);
        rules.add(dayCap);
        EarningEngine.Input laterToday = new EarningEngine.Input(new BigDecimal("1000"), List.of(), SATURDAY,
                "SILVER", BigDecimal.ONE, 250, true, true);
        EarningEngine.Outcome o = EarningEngine.evaluate(rules, laterToday);
        assertThat(o.points()).isEqualTo(50);
        assertThat(o.applied().getLast().effect()).isEqualTo("capped at 50 left today");
    }
}
