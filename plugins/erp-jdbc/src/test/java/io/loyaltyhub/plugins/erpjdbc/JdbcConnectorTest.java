package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector's declarations and what {@code open} refuses, without a database. */
class JdbcConnectorTest {

    private final JdbcConnector connector = new JdbcConnector();

    private static Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("url", "jdbc:postgresql://127.0.0.1:1/erp");
        s.put("bills-query", "SELECT * FROM invoices WHERE (modified_at > :watermark OR (modified_at = :watermark"
                + " AND invoice_no > :tiebreak)) ORDER BY modified_at, invoice_no LIMIT :batch");
        s.put("watermark-column", "modified_at");
        return s;
    }

    private ErpSource open(Map<String, String> settings, Map<String, String> env) throws ErpSourceException {
        return connector.open(new ErpSourceConfig(1, settings, connector.mapping().defaults(), env));
    }

    @Test
    void declaresItself() {
        assertThat(connector.type()).isEqualTo("jdbc");
        assertThat(connector.title()).isEqualTo("SQL database (JDBC)");
        assertThat(connector.settings().settings()).extracting(SettingDefinition::key).containsExactly(
                "url", "user", "password-env", "bills-query", "watermark-column", "watermark-type", "lines-query",
                "returns-query", "returns-watermark-column", "customers-query", "customers-watermark-column",
                "count-query", "batch-size", "poll-interval", "query-timeout-seconds");
        assertThat(connector.settings().settings()).allSatisfy(d -> assertThat(d.help()).isNotBlank());
        assertThat(connector.settings().find("url").orElseThrow().required()).isTrue();
        assertThat(connector.settings().find("bills-query").orElseThrow().required()).isTrue();
        assertThat(connector.settings().find("watermark-column").orElseThrow().required()).isTrue();
        SettingDefinition type = connector.settings().find("watermark-type").orElseThrow();
        assertThat(type.type()).isEqualTo(SettingType.CHOICE);
        assertThat(type.choices()).containsExactlyInAnyOrder("number", "timestamp");
        assertThat(type.defaultValue()).isEqualTo("timestamp");
        assertThat(connector.settings().find("poll-interval").orElseThrow().defaultValue()).isEqualTo("PT30S");
        assertThat(connector.settings().find("batch-size").orElseThrow().defaultValue()).isEqualTo("500");
    }

    @Test
    void validatesSettingsAsTheFormIsFilledIn() {
        var url = connector.settings().find("url").orElseThrow().validator();
        assertThat(url.check("jdbc:sqlserver://erp:1433;databaseName=LOGIC")).isEmpty();
        assertThat(url.check("jdbc:mysql://erp/erp")).isEmpty();
        assertThat(url.check("jdbc:oracle:thin:@erp:1521/x")).isPresent();

        var env = connector.settings().find("password-env").orElseThrow().validator();
        assertThat(env.check("ERP_DB_PASSWORD")).isEmpty();
        assertThat(env.check("")).isEmpty();
        assertThat(env.check("s3cret!")).isPresent();

        var batch = connector.settings().find("batch-size").orElseThrow().validator();
        assertThat(batch.check("0")).isPresent();
        assertThat(batch.check("10000")).isEmpty();
        assertThat(batch.check("10001")).isPresent();

        var bills = connector.settings().find("bills-query").orElseThrow().validator();
        assertThat(bills.check(settings().get("bills-query"))).isEmpty();
        assertThat(bills.check("SELECT * FROM t WHERE w > :since")).get().asString().contains(":since");

        var lines = connector.settings().find("lines-query").orElseThrow().validator();
        assertThat(lines.check("")).isEmpty();
        assertThat(lines.check("SELECT * FROM l WHERE invoice_no IN (:bills)")).isEmpty();
        assertThat(lines.check("SELECT * FROM l")).get().asString().contains(":bills");
    }

    @Test
    void mapsTheInvoicesWithLinesPreset() {
        Mapping m = connector.mapping().defaults();
        assertThat(m.column(BillField.BILL_NUMBER)).contains("invoice_no");
        assertThat(m.column(BillField.BILLED_AT)).contains("invoice_date");
        assertThat(m.column(BillField.AMOUNT)).contains("net_amount");
        assertThat(m.column(BillField.LINE_AMOUNT)).contains("line_amount");
        assertThat(m.column(BillField.RETURN_BILL_NUMBER)).contains("invoice_no");
        assertThat(m.column(BillField.CUSTOMER_BIRTHDAY)).contains("birthday");
        assertThat(connector.mapping().defaultColumns()).hasSize(14);
    }

    @Test
    void opensWithoutConnecting() throws Exception {
        try (ErpSource source = open(settings(), Map.of())) {
            assertThat(source).isInstanceOf(JdbcSource.class);
        }
    }

    @Test
    void anUnsetPasswordVariableIsASettingsProblem() {
        Map<String, String> s = settings();
        s.put("password-env", "ERP_DB_PASSWORD");

        assertThatThrownBy(() -> open(s, Map.of("OTHER", "x")))
                .isInstanceOfSatisfying(ErpSourceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS);
                    assertThat(e.getMessage()).isEqualTo(
                            "The environment variable ERP_DB_PASSWORD that should hold the password is not set");
                });
        assertThatThrownBy(() -> open(s, Map.of("ERP_DB_PASSWORD", "  ")))
                .isInstanceOfSatisfying(ErpSourceException.class,
                        e -> assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        Map<String, String> returnsWithoutWatermark = settings();
        returnsWithoutWatermark.put("returns-query", "SELECT * FROM returns WHERE returned_at > :watermark");
        Map<String, String> unknownParameter = settings();
        unknownParameter.put("bills-query", "SELECT * FROM invoices WHERE modified_at > :since");
        Map<String, String> linesWithoutBills = settings();
        linesWithoutBills.put("lines-query", "SELECT * FROM invoice_lines");
        Map<String, String> noUrl = settings();
        noUrl.remove("url");
        Map<String, String> oracle = settings();
        oracle.put("url", "jdbc:oracle:thin:@erp:1521/x");

        for (Map<String, String> s : List.of(returnsWithoutWatermark, unknownParameter, linesWithoutBills, noUrl,
                oracle)) {
            assertThatThrownBy(() -> open(s, Map.of()))
                    .isInstanceOfSatisfying(ErpSourceException.class,
                            e -> assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS));
        }
    }

    @Test
    void aMappingWithoutABillNumberColumnCannotTellBillsApart() {
        Map<BillField, String> columns = new HashMap<>(connector.mapping().defaultColumns());
        columns.remove(BillField.BILL_NUMBER);
        assertThatThrownBy(() -> connector.open(new ErpSourceConfig(1, settings(), Mapping.defaults(columns), Map.of())))
                .isInstanceOfSatisfying(ErpSourceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS);
                    assertThat(e.getMessage()).contains("Bill number");
                });
    }

    @Test
    void aBackfillCursorStartsJustBeforeTheDateInTheStoresZone() throws Exception {
        Map<String, String> s = settings();
        s.put("customers-query", "SELECT * FROM customers WHERE updated_at > :watermark");
        s.put("customers-watermark-column", "updated_at");
        try (ErpSource source = open(s, Map.of())) {
            // 2024-05-01 00:00 in Asia/Kolkata
            String cursor = source.cursorFrom(Instant.parse("2024-04-30T18:30:00Z"));
            assertThat(cursor).isEqualTo("b=2024-04-30T23:59:59.999999000|;c=2024-04-30T23:59:59.999999000|");
        }
    }

    @Test
    void aBackfillWithANumberWatermarkStartsFromTheBeginning() throws Exception {
        Map<String, String> s = settings();
        s.put("watermark-type", "number");
        try (ErpSource source = open(s, Map.of())) {
            assertThat(source.cursorFrom(Instant.parse("2024-04-30T18:30:00Z"))).isEmpty();
        }
    }

    @Test
    void withoutACountQueryNothingIsCounted() throws Exception {
        try (ErpSource source = open(settings(), Map.of())) {
            assertThat(source.remaining(null)).isEqualTo(-1);
        }
    }

    @Test
    void mysqlUrlsGoToTheMariaDbDriver() {
        assertThat(Drivers.effectiveUrl("jdbc:mysql://erp:3306/erp?useSSL=false"))
                .isEqualTo("jdbc:mariadb://erp:3306/erp?useSSL=false");
        assertThat(Drivers.effectiveUrl("jdbc:postgresql://erp/erp")).isEqualTo("jdbc:postgresql://erp/erp");
    }

    @Test
    void findsEachDriverWithoutDriverManager() throws Exception {
        assertThat(Drivers.find("jdbc:postgresql://erp/erp").getClass().getName()).isEqualTo("org.postgresql.Driver");
        assertThat(Drivers.find("jdbc:mariadb://erp/erp").getClass().getName()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(Drivers.find("jdbc:sqlserver://erp:1433").getClass().getName())
                .isEqualTo("com.microsoft.sqlserver.jdbc.SQLServerDriver");
    }
}
