package io.loyaltyhub.plugins.affiliates;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Plan.History history(String volume, long prior, boolean within, String monthCommission) {
        return new Plan.History(d(volume), prior, within, d(monthCommission));
    }

    @Test
    void percentOfTheBillRoundedHalfEvenOnce() {
        Plan p = Plan.parse("{\"type\":\"PERCENT\",\"percent\":2.5}");
        assertThat(p.level1(d("1000"), List.of(), Plan.History.fresh()).amount()).isEqualByComparingTo("25.00");
        // 2.5 % of 100.50 = 2.5125 -> 2.51; of 100.70 = 2.5175 -> 2.52; of 0.50 = 0.0125 -> 0.01 (half even)
        assertThat(p.level1(d("100.50"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("2.51"));
        assertThat(p.level1(d("100.70"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("2.52"));
        assertThat(p.level1(d("0.50"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("0.01"));
        Plan q = Plan.parse("{\"type\":\"PERCENT\",\"percent\":\"5\"}");
        // 5 % of 0.50 = 0.025 -> 0.02 (half even: to the even neighbour), of 0.70 = 0.035 -> 0.04
        assertThat(q.level1(d("0.50"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("0.02"));
        assertThat(q.level1(d("0.70"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("0.04"));
        assertThat(q.level1(d("0"), List.of(), Plan.History.fresh()).earns()).isFalse();
        assertThat(q.level1(d("-10"), List.of(), Plan.History.fresh()).earns()).isFalse();
    }

    @Test
    void flatPerConversion() {
        Plan p = Plan.parse("{\"type\":\"FLAT\",\"flat\":150}");
        assertThat(p.level1(d("10"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("150.00"));
        assertThat(p.level1(d("99999"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("150.00"));
    }

    @Test
    void tieredByMonthlyVolumeAtMarginalRates() {
        Plan p = Plan.parse("{\"type\":\"TIERED\",\"tiers\":[{\"from\":0,\"percent\":5},{\"from\":10000,\"percent\":8},"
                + "{\"from\":50000,\"percent\":10}]}");
        // all in the first band
        assertThat(p.level1(d("4000"), List.of(), history("0", 0, true, "0")).amount()).isEqualTo(d("200.00"));
        // 8000 -> 14000: 2000 at 5 % + 4000 at 8 % = 100 + 320
        assertThat(p.level1(d("6000"), List.of(), history("8000", 0, true, "0")).amount()).isEqualTo(d("420.00"));
        // spans all three: 9000 -> 61000: 1000*5% + 40000*8% + 11000*10% = 50 + 3200 + 1100
        assertThat(p.level1(d("52000"), List.of(), history("9000", 0, true, "0")).amount()).isEqualTo(d("4350.00"));
        // the month's total depends only on its volume, not on how it was split into bills
        BigDecimal oneBill = p.level1(d("30000"), List.of(), history("0", 0, true, "0")).amount();
        BigDecimal split = p.level1(d("12000"), List.of(), history("0", 0, true, "0")).amount()
                .add(p.level1(d("18000"), List.of(), history("12000", 1, true, "0")).amount());
        assertThat(split).isEqualTo(oneBill).isEqualTo(d("2100.00"));
    }

    @Test
    void perCategoryWithLinesScaledToTheBill() {
        Plan p = Plan.parse("{\"type\":\"CATEGORY\",\"categories\":{\"Electronics\":2,\"fashion\":10},\"percent\":4}");
        List<Plan.Line> lines = List.of(new Plan.Line("electronics", d("1000")), new Plan.Line("FASHION ", d("500")),
                new Plan.Line("grocery", d("200")), new Plan.Line(null, d("300")));
        // 1000*2% + 500*10% + 200*4% + 300*4% = 20 + 50 + 8 + 12 = 90 on lines totalling 2000
        assertThat(p.level1(d("2000"), lines, Plan.History.fresh()).amount()).isEqualTo(d("90.00"));
        // the bill had a 10 % discount on the whole: lines scaled to 1800 -> 81
        assertThat(p.level1(d("1800"), lines, Plan.History.fresh()).amount()).isEqualTo(d("81.00"));
        // no lines: the other-categories rate on the whole bill
        assertThat(p.level1(d("1000"), List.of(), Plan.History.fresh()).amount()).isEqualTo(d("40.00"));
        Plan noDefault = Plan.parse("{\"type\":\"CATEGORY\",\"categories\":{\"toys\":5}}");
        assertThat(noDefault.level1(d("1000"), List.of(new Plan.Line("books", d("1000"))), Plan.History.fresh()).earns())
                .isFalse();
    }

    @Test
    void recurringForTheFirstPurchasesOrMonths() {
        Plan purchases = Plan.parse("{\"type\":\"PERCENT\",\"percent\":10,\"recurringPurchases\":2}");
        assertThat(purchases.level1(d("100"), List.of(), history("0", 0, true, "0")).amount()).isEqualTo(d("10.00"));
        assertThat(purchases.level1(d("100"), List.of(), history("0", 1, true, "0")).amount()).isEqualTo(d("10.00"));
        Plan.Calculation third = purchases.level1(d("100"), List.of(), history("0", 2, true, "0"));
        assertThat(third.earns()).isFalse();
        assertThat(third.explanation()).contains("first 2 purchases");
        Plan months = Plan.parse("{\"type\":\"FLAT\",\"flat\":50,\"recurringMonths\":3}");
        assertThat(months.level1(d("100"), List.of(), history("0", 7, true, "0")).amount()).isEqualTo(d("50.00"));
        assertThat(months.level1(d("100"), List.of(), history("0", 7, false, "0")).earns()).isFalse();
    }

    @Test
    void capsPerBillAndPerMonth() {
        Plan p = Plan.parse("{\"type\":\"PERCENT\",\"percent\":10,\"capPerBill\":500,\"capPerMonth\":1200}");
        assertThat(p.level1(d("3000"), List.of(), history("0", 0, true, "0")).amount()).isEqualTo(d("300.00"));
        Plan.Calculation capped = p.level1(d("9000"), List.of(), history("0", 0, true, "0"));
        assertThat(capped.amount()).isEqualTo(d("500.00"));
        assertThat(capped.explanation()).contains("capped per bill");
        // 1000 earned this month: only 200 of room left
        assertThat(p.level1(d("9000"), List.of(), history("0", 0, true, "1000")).amount()).isEqualTo(d("200.00"));
        assertThat(p.level1(d("9000"), List.of(), history("0", 0, true, "1200")).earns()).isFalse();
        assertThat(p.level1(d("9000"), List.of(), history("0", 0, true, "1500")).earns()).isFalse();
    }

    @Test
    void levelTwoShareOfTheRecruitsCommission() {
        Plan recruiter = Plan.parse("{\"type\":\"PERCENT\",\"percent\":5,\"levelTwoPercent\":10,\"capPerMonth\":100}");
        assertThat(recruiter.level2(d("123.45"), d("0")).amount()).isEqualTo(d("12.34")); // 12.345 -> 12.34 half even
        assertThat(recruiter.level2(d("123.55"), d("0")).amount()).isEqualTo(d("12.36")); // 12.355 -> 12.36
        assertThat(recruiter.level2(d("500"), d("80")).amount()).isEqualTo(d("20.00")); // the cap's room
        assertThat(Plan.parse("{\"type\":\"PERCENT\",\"percent\":5}").level2(d("100"), d("0")).earns()).isFalse();
        assertThat(recruiter.level2(d("0"), d("0")).earns()).isFalse();
    }

    @Test
    void plansAreValidated() {
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":5}")).isEmpty();
        assertThat(Plan.check("not json")).get().asString().contains("JSON");
        assertThat(Plan.check("[1]")).get().asString().contains("object");
        assertThat(Plan.check("{\"percent\":5}")).get().asString().contains("type");
        assertThat(Plan.check("{\"type\":\"BONUS\"}")).get().asString().contains("PERCENT, FLAT, TIERED or CATEGORY");
        assertThat(Plan.check("{\"type\":\"PERCENT\"}")).get().asString().contains("percent is required");
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":101}")).get().asString().contains("0 to 100");
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":5,\"flat\":3}")).get().asString().contains("not used");
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":5,\"bonus\":3}")).get().asString().contains("not a plan parameter");
        assertThat(Plan.check("{\"type\":\"FLAT\",\"flat\":0}")).get().asString().contains("above 0");
        assertThat(Plan.check("{\"type\":\"FLAT\",\"flat\":1.005}")).get().asString().contains("2 decimals");
        assertThat(Plan.check("{\"type\":\"TIERED\",\"tiers\":[{\"from\":100,\"percent\":5}]}")).get().asString()
                .contains("start from 0");
        assertThat(Plan.check("{\"type\":\"TIERED\",\"tiers\":[{\"from\":0,\"percent\":5},{\"from\":0,\"percent\":6}]}"))
                .get().asString().contains("above the previous");
        assertThat(Plan.check("{\"type\":\"TIERED\",\"tiers\":[]}")).isPresent();
        assertThat(Plan.check("{\"type\":\"CATEGORY\",\"categories\":{\"a\":\"x\"}}")).get().asString().contains("percentage");
        assertThat(Plan.check("{\"type\":\"CATEGORY\",\"categories\":{\"Toys\":1,\"toys\":2}}")).get().asString().contains("twice");
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":5,\"recurringPurchases\":0}")).isPresent();
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":5,\"recurringMonths\":1.5}")).isPresent();
        assertThat(Plan.check("{\"type\":\"PERCENT\",\"percent\":5,\"capPerMonth\":-1}")).isPresent();
        assertThatThrownBy(() -> Plan.parse("{\"type\":\"FLAT\"}")).isInstanceOf(Plan.Invalid.class)
                .satisfies(e -> assertThat(((Plan.Invalid) e).errors()).containsKey("flat"));
    }

    @Test
    void storedFormRoundTrips() {
        String json = "{\"type\":\"tiered\",\"tiers\":[{\"from\":0,\"percent\":5},{\"from\":10000.5,\"percent\":7.25}],"
                + "\"recurringPurchases\":3,\"levelTwoPercent\":10,\"capPerBill\":\"250.00\"}";
        Plan p = Plan.parse(json);
        assertThat(p.type()).isEqualTo(Plan.Type.TIERED);
        Plan again = Plan.parse(p.toJson());
        assertThat(again.toMap()).isEqualTo(p.toMap());
        assertThat(again.level1(d("20000"), List.of(), history("0", 0, true, "0")).amount())
                .isEqualTo(p.level1(d("20000"), List.of(), history("0", 0, true, "0")).amount());
    }
}
