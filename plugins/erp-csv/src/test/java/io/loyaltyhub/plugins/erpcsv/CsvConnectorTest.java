package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvConnectorTest {
    private final CsvConnector connector = new CsvConnector();

    @Test
    void describesItself() {
        assertThat(connector.type()).isEqualTo("csv");
        assertThat(connector.title()).isEqualTo("CSV files (folder or upload)");
    }

    @Test
    void declaresTheInstanceSettings() {
        assertThat(connector.settings().settings()).extracting(SettingDefinition::key).containsExactly("folder",
                "done-folder", "rejects-folder", "file-pattern", "encoding", "delimiter", "header", "settle-seconds",
                "poll-interval", "batch-size");
        assertThat(connector.settings().settings()).allSatisfy(d -> {
            assertThat(d.help()).isNotBlank();
            assertThat(d.label()).isNotEqualTo(d.key());
        });
        SettingDefinition folder = connector.settings().find("folder").orElseThrow();
        assertThat(folder.required()).isTrue();
        assertThat(folder.type()).isEqualTo(SettingType.STRING);
        assertThat(connector.settings().find("encoding").orElseThrow().choices())
                .containsExactly("auto", "UTF-8", "windows-1252", "ISO-8859-1", "UTF-16");
        assertThat(connector.settings().find("delimiter").orElseThrow().choices())
                .containsExactly("auto", ",", ";", "tab", "|");
        assertThat(connector.settings().find("settle-seconds").orElseThrow().defaultValue()).isEqualTo("5");
        assertThat(connector.settings().find("poll-interval").orElseThrow().type()).isEqualTo(SettingType.DURATION);
        assertThat(connector.settings().find("poll-interval").orElseThrow().defaultValue()).isEqualTo("PT30S");
        assertThat(connector.settings().find("batch-size").orElseThrow().defaultValue()).isEqualTo("500");
        assertThat(connector.settings().find("header").orElseThrow().defaultValue()).isEqualTo("true");
        assertThat(connector.settings().find("file-pattern").orElseThrow().validator().check("*.csv")).isEmpty();
        assertThat(connector.settings().find("file-pattern").orElseThrow().validator().check("in/*.csv")).isPresent();
        assertThat(connector.settings().find("poll-interval").orElseThrow().validator().check("5m")).isEmpty();
    }

    @Test
    void mapsTheDocumentedInvoicesWithLinesFile() {
        Map<BillField, String> columns = connector.mapping().defaultColumns();
        assertThat(columns).containsEntry(BillField.BILL_NUMBER, "invoice_no")
                .containsEntry(BillField.BILLED_AT, "invoice_date")
                .containsEntry(BillField.CUSTOMER_MOBILE, "mobile")
                .containsEntry(BillField.CUSTOMER_NAME, "customer_name")
                .containsEntry(BillField.AMOUNT, "net_amount")
                .containsEntry(BillField.CURRENCY, "currency")
                .containsEntry(BillField.STORE_ID, "store_code")
                .containsEntry(BillField.ROW_TYPE, "type")
                .containsEntry(BillField.LINE_SKU, "sku")
                .containsEntry(BillField.LINE_CATEGORY, "category")
                .containsEntry(BillField.LINE_QUANTITY, "qty")
                .containsEntry(BillField.LINE_AMOUNT, "line_amount")
                .containsEntry(BillField.RETURN_BILL_NUMBER, "invoice_no")
                .containsEntry(BillField.RETURN_REASON, "reason")
                .containsEntry(BillField.COUPON_CODE, "coupon")
                .containsEntry(BillField.CUSTOMER_BIRTHDAY, "birthday")
                .hasSize(16);
    }

    @Test
    void openRefusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> open(Map.of()))
                .isInstanceOfSatisfying(ErpSourceException.class,
                        e -> assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS))
                .hasMessageContaining("folder");
        assertThatThrownBy(() -> open(Map.of("folder", "/tmp/x", "encoding", "EBCDIC")))
                .isInstanceOfSatisfying(ErpSourceException.class,
                        e -> assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS))
                .hasMessageContaining("encoding");
        assertThatThrownBy(() -> open(Map.of("folder", "/tmp/x", "settle-seconds", "soon")))
                .hasMessageContaining("settle-seconds");
    }

    @Test
    void openIsCheapAndTakesDefaults() throws Exception {
        try (var source = open(Map.of("folder", "/does/not/exist/yet"))) {
            assertThat(source).isInstanceOf(CsvSource.class);
        }
        CsvSettings s = CsvSettings.from(Map.of("folder", "/data/erp", "delimiter", "tab", "poll-interval", "2m"));
        assertThat(s.doneFolder().toString()).isEqualTo("/data/erp/done");
        assertThat(s.rejectsFolder().toString()).isEqualTo("/data/erp/rejects");
        assertThat(s.fixedDelimiter()).isEqualTo('\t');
        assertThat(s.pollInterval()).hasMinutes(2);
        assertThat(s.batchSize()).isEqualTo(500);
        assertThat(s.settleSeconds()).isEqualTo(5);
        assertThat(s.matches("SALES-0412.CSV")).isTrue();
        assertThat(s.matches("sales.txt")).isFalse();
    }

    @Test
    void cursorTextRoundTrips() throws Exception {
        CsvCursor c = CsvCursor.parse("odd|name.csv|120|1712900000000|end");
        assertThat(c.fileName()).isEqualTo("odd|name.csv");
        assertThat(c.size()).isEqualTo(120);
        assertThat(c.atEnd()).isTrue();
        assertThat(c.text()).isEqualTo("odd|name.csv|120|1712900000000|end");
        assertThat(CsvCursor.parse("a.csv|1|2|37").consumed()).isEqualTo(37);
        assertThat(CsvCursor.parse("")).isNull();
        assertThatThrownBy(() -> CsvCursor.parse("42")).isInstanceOf(ErpSourceException.class);
    }

    private io.loyaltyhub.api.erp.ErpSource open(Map<String, String> settings) throws ErpSourceException {
        return connector.open(new ErpSourceConfig(1, settings, null, Map.of()));
    }
}
