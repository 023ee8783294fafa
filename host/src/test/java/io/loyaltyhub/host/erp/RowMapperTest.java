package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.SourceRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RowMapperTest {
    private static final Map<BillField, String> COLUMNS = Map.of(BillField.BILL_NUMBER, "Invoice_No",
            BillField.BILLED_AT, "invoice_date", BillField.CUSTOMER_MOBILE, "mobile", BillField.AMOUNT, "net_amount",
            BillField.CURRENCY, "currency", BillField.LINE_AMOUNT, "line_amount", BillField.LINE_QUANTITY, "qty",
            BillField.LINE_SKU, "sku", BillField.CUSTOMER_NAME, "customer_name");

    private static SourceRow row(Object... kv) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            v.put((String) kv[i], kv[i + 1]);
        }
        return new SourceRow("r1", SourceRow.Kind.BILL, v, List.of());
    }

    @Test
    void aRowBecomesABillWithColumnsMatchedWithoutRegardToCaseAndTheStoreClock() {
        RowMapper m = new RowMapper(new Mapping(COLUMNS, "dd/MM/yyyy HH:mm", "Asia/Kolkata", 0, "INR", "BLR-1",
                List.of()));
        SourceRow r = new SourceRow("r1", SourceRow.Kind.BILL, Map.of("INVOICE_NO", "B-1", "invoice_date",
                "03/12/2026 18:30", "mobile", "98450 12345", "net_amount", "1,25,000.50", "customer_name", " Asha "),
                List.of(Map.of("sku", "S1", "qty", "2", "line_amount", "1000"), Map.of("sku", "S2", "line_amount", 5)));
        MappedRow.ToPost p = (MappedRow.ToPost) m.map(r);
        assertThat(p.bill().billNumber()).isEqualTo("B-1");
        assertThat(p.bill().billedAt()).isEqualTo(OffsetDateTime.parse("2026-12-03T18:30+05:30"));
        assertThat(p.bill().amount()).isEqualByComparingTo("125000.50");
        assertThat(p.bill().currency()).isEqualTo("INR");
        assertThat(p.bill().storeId()).isEqualTo("BLR-1");
        assertThat(p.bill().customerName()).isEqualTo("Asha");
        assertThat(p.bill().lines()).hasSize(2);
        assertThat(p.bill().lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(p.bill().lines().get(1).quantity()).isEqualByComparingTo("1");
    }

    @Test
    void amountsInPaiseAreScaledAndTypedValuesAreReadAsTheyAre() {
        RowMapper m = new RowMapper(new Mapping(COLUMNS, "", "Asia/Kolkata", 2, "INR", "", List.of()));
        MappedRow.ToPost p = (MappedRow.ToPost) m.map(row("invoice_no", 77L, "invoice_date",
                LocalDateTime.parse("2026-12-03T10:00"), "mobile", "+919845012345", "net_amount", 125050L));
        assertThat(p.bill().billNumber()).isEqualTo("77");
        assertThat(p.bill().amount()).isEqualByComparingTo("1250.50");
        assertThat(p.bill().billedAt().getOffset().getTotalSeconds()).isEqualTo(19800);
        MappedRow.ToPost iso = (MappedRow.ToPost) m.map(row("invoice_no", "B-2", "invoice_date",
                "2026-12-03 10:00:00", "mobile", "+919845012345", "net_amount", new BigDecimal("100")));
        assertThat(iso.bill().billedAt()).isEqualTo(OffsetDateTime.parse("2026-12-03T10:00+05:30"));
    }

    @Test
    void everyProblemOfARowIsNamed() {
        RowMapper m = new RowMapper(Mapping.defaults(COLUMNS));
        MappedRow.Unmapped u = (MappedRow.Unmapped) m.map(row("invoice_no", "B-3", "invoice_date", "yesterday",
                "net_amount", "-10", "currency", "XYZ"));
        assertThat(u.billNumber()).isEqualTo("B-3");
        assertThat(u.problems()).containsOnlyKeys(BillField.BILLED_AT, BillField.CUSTOMER_MOBILE, BillField.AMOUNT,
                BillField.CURRENCY);
        assertThat(u.reason()).contains("Customer mobile: missing").contains("negative").contains("unknown currency 'XYZ'")
                .contains("not a date: 'yesterday'");
        assertThat(((MappedRow.Unmapped) m.map(row("invoice_date", "2026-12-03", "mobile", "1", "net_amount", "abc")))
                .problems()).containsEntry(BillField.BILL_NUMBER, "missing")
                .containsEntry(BillField.AMOUNT, "not a number: 'abc'");
    }

    @Test
    void aReturnNamesTheBillItReverses() {
        RowMapper m = new RowMapper(Mapping.defaults(Map.of(BillField.BILL_NUMBER, "invoice_no",
                BillField.RETURN_REASON, "reason")));
        MappedRow.Reversal r = (MappedRow.Reversal) m.map(new SourceRow("x", SourceRow.Kind.RETURN,
                Map.of("invoice_no", "B-9", "reason", "damaged"), List.of()));
        assertThat(r.billNumber()).isEqualTo("B-9");
        assertThat(r.reason()).isEqualTo("returned (ERP): damaged");
    }

    @Test
    void aCustomerRecordKeepsTheBirthday() {
        RowMapper m = new RowMapper(Mapping.defaults(Map.of(BillField.CUSTOMER_MOBILE, "mobile",
                BillField.CUSTOMER_NAME, "name", BillField.CUSTOMER_BIRTHDAY, "dob")));
        MappedRow.CustomerRecord c = (MappedRow.CustomerRecord) m.map(new SourceRow("c", SourceRow.Kind.CUSTOMER,
                Map.of("mobile", "+919845012345", "name", "Asha", "dob", "1990-02-28"), List.of()));
        assertThat(c.birthday().month()).isEqualTo(2);
        assertThat(c.birthday().day()).isEqualTo(28);
        assertThat(c.birthday().year()).isEqualTo(1990);
    }

    @Test
    void aMappingThatCannotWorkIsRefusedWithAReasonPerField() {
        Map<String, String> problems = RowMapper.problems(new Mapping(Map.of(BillField.BILL_NUMBER, "n"), "qq-ww-#",
                "Mars/Base", 9, "RUPEES", "", List.of()));
        assertThat(problems).containsKeys("timeZone", "dateFormat", "amountScale", "currency",
                "columns.BILLED_AT", "columns.CUSTOMER_MOBILE", "columns.AMOUNT");
    }

    @Test
    void aRejectedRowGoesBackIntoTheQueueAsItWasRead() {
        SourceRow r = new SourceRow("f.csv:2", SourceRow.Kind.BILL, Map.of("a", "1"), List.of(Map.of("sku", "S")));
        SourceRow back = ConnectorRun.restored(r.ref(), r.kind().name(), ConnectorRun.stored(r));
        assertThat(back).isEqualTo(r);
    }

    @Test
    void aCustomersBillsGoTogetherWhicheverWayTheNumberIsWritten() {
        assertThat(BatchPoster.customerKey("+91 98450-12345")).isEqualTo(BatchPoster.customerKey("9845012345"))
                .isEqualTo(BatchPoster.customerKey("09845012345")).isEqualTo("9845012345");
        assertThat(BatchPoster.customerKey(null)).isEmpty();
    }

    @Test
    void aFailingConnectorWaitsLongerEachTimeUpToTenMinutes() {
        assertThat(ConnectorRunner.backoff(java.time.Duration.ofSeconds(30), 1)).hasSeconds(60);
        assertThat(ConnectorRunner.backoff(java.time.Duration.ofSeconds(30), 3)).hasSeconds(240);
        assertThat(ConnectorRunner.backoff(java.time.Duration.ofSeconds(30), 30)).hasMinutes(10);
    }
}
