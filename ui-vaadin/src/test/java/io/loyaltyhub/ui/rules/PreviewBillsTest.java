package io.loyaltyhub.ui.rules;

import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillLine;
import io.loyaltyhub.api.loyalty.BillResult;
import io.loyaltyhub.api.loyalty.EarningRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewBillsTest {

    @Test
    void readsLinesWithOptionalQuantity() {
        List<BillLine> lines = PreviewBills.parseLines("""
                SKU-1,shoes,1200
                # a comment

                ,toys, 300.50 ,2
                SKU-9;;99
                SKU-8\tbags\t10
                """);
        assertThat(lines).containsExactly(
                new BillLine("SKU-1", "shoes", BigDecimal.ONE, new BigDecimal("1200")),
                new BillLine(null, "toys", new BigDecimal("2"), new BigDecimal("300.50")),
                new BillLine("SKU-9", null, BigDecimal.ONE, new BigDecimal("99")),
                new BillLine("SKU-8", "bags", BigDecimal.ONE, new BigDecimal("10")));
        assertThat(PreviewBills.parseLines(null)).isEmpty();
        assertThat(PreviewBills.parseLines("  \n ")).isEmpty();
    }

    @Test
    void namesTheWrongLine() {
        assertThatThrownBy(() -> PreviewBills.parseLines("A,b,1\nA,b,lots"))
                .hasMessage("Line 2: the amount \"lots\" is not a number.");
        assertThatThrownBy(() -> PreviewBills.parseLines("A,b")).hasMessageStartingWith("Line 1: write sku,category,amount");
        assertThatThrownBy(() -> PreviewBills.parseLines("A,b,1,2,3")).hasMessageStartingWith("Line 1:");
        assertThatThrownBy(() -> PreviewBills.parseLines(",,5")).hasMessage("Line 1: give a sku, a category or both.");
        assertThatThrownBy(() -> PreviewBills.parseLines("A,b,-5")).hasMessage("Line 1: the amount may not be negative.");
        assertThatThrownBy(() -> PreviewBills.parseLines("A,b,5,0")).hasMessage("Line 1: the quantity must be more than 0.");
    }

    @Test
    void makesAPreviewBill() {
        String number = PreviewBills.billNumber(UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
        assertThat(number).isEqualTo("PREVIEW-0F1E2D3C");
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T10:00:00+05:30");
        List<BillLine> lines = List.of(new BillLine("A", null, BigDecimal.ONE, BigDecimal.TEN));
        Bill bill = PreviewBills.bill(number, " +919812345678 ", new BigDecimal("2500"), at, " inr", lines);
        assertThat(bill).isEqualTo(new Bill(number, null, at, "+919812345678", null, new BigDecimal("2500"), "INR",
                lines, null, null));
        assertThat(PreviewBills.bill(number, "1", BigDecimal.ONE, at, "", List.of()).currency()).isEqualTo("INR");
    }

    @Test
    void summarisesAResult() {
        assertThat(RulesView.summary(new BillResult("P", 1, 75, 75, List.of(), false)))
                .isEqualTo("Would earn 75 points (75 held for the return window).");
        assertThat(RulesView.summary(new BillResult("P", 1, 1, 0, List.of(), false))).isEqualTo("Would earn 1 point.");
    }

    @Test
    void ruleParamsTravelAsJsonText() {
        EarningRule rule = new EarningRule(4L, "Base", "BASE_RATE", true,
                Map.of("pointsPerUnit", 1), null, null);
        RuleBean bean = RuleBean.of(rule);
        assertThat(bean.getParams()).isEqualTo("{\n  \"pointsPerUnit\": 1\n}");
        bean.setParams("{\"pointsPerUnit\": 2, \"rounding\": \"FLOOR\", \"minimumBill\": 99.5}");
        EarningRule changed = bean.toRule();
        assertThat(changed.id()).isEqualTo(4L);
        assertThat(changed.params()).containsEntry("pointsPerUnit", 2).containsEntry("rounding", "FLOOR")
                .containsEntry("minimumBill", new BigDecimal("99.5"));
        bean.setParams("{\"pointsPerUnit\": }");
        assertThatThrownBy(bean::toRule).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not valid JSON");
        RuleBean.TYPES.forEach(t -> assertThat(RuleBean.TEMPLATES).containsKey(t));
        RuleBean.TEMPLATES.values().forEach(json -> assertThat(io.loyaltyhub.ui.common.Json.parseObject(json)).isNotEmpty());
    }
}
