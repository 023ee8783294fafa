package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.ConnectionCheck;
import io.loyaltyhub.api.erp.ErpProblem;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.erp.Mapping;
import io.loyaltyhub.api.erp.SourceBatch;
import io.loyaltyhub.api.erp.SourceRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link JdbcSource} against real databases: a PostgreSQL started for the run ({@link TestPostgres}) and the MariaDB
 * at 127.0.0.1:3306 (user root, no password), in a scratch database dropped afterwards; the MariaDB half is skipped
 * when no server answers there.
 */
class JdbcSourceIT {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000);
    static final String PASSWORD_ENV = "ERP_IT_DB_PASSWORD";

    static final String BILLS = "SELECT invoice_no, invoice_date, mobile, customer_name, net_amount, currency,"
            + " store_code, modified_at FROM invoices"
            + " WHERE (modified_at > :watermark OR (modified_at = :watermark AND invoice_no > :tiebreak))"
            + " ORDER BY modified_at, invoice_no LIMIT :batch";
    static final String LINES = "SELECT invoice_no, line_no, sku, category, qty, line_amount FROM invoice_lines"
            + " WHERE invoice_no IN (:bills) ORDER BY invoice_no, line_no";
    static final String RETURNS = "SELECT invoice_no, returned_at, reason, amount FROM invoice_returns"
            + " WHERE (returned_at > :watermark OR (returned_at = :watermark AND invoice_no > :tiebreak))"
            + " ORDER BY returned_at, invoice_no LIMIT :batch";
    static final String CUSTOMERS = "SELECT mobile, customer_name, birthday, updated_at FROM customers"
            + " WHERE (updated_at > :watermark OR (updated_at = :watermark AND mobile > :tiebreak))"
            + " ORDER BY updated_at, mobile LIMIT :batch";
    static final String COUNT = "SELECT COUNT(*) FROM invoices"
            + " WHERE (modified_at > :watermark OR (modified_at = :watermark AND invoice_no > :tiebreak))";

    static TestPostgres postgres;
    static String mariaDatabase;
    static String mariaUser;
    static boolean mariaUp;

    @BeforeAll
    static void startDatabases() throws Exception {
        postgres = TestPostgres.start();
        try (Connection c = DriverManager.getConnection(postgres.url("postgres"), TestPostgres.USER,
                TestPostgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE erp");
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mariaDatabase = "erp_src_it_" + suffix;
        mariaUser = "erp_it_" + suffix;
        try (Connection c = mariaRoot(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + mariaDatabase);
            s.execute("CREATE USER '" + mariaUser + "'@'%' IDENTIFIED BY '" + TestPostgres.PASSWORD + "'");
            s.execute("GRANT SELECT ON " + mariaDatabase + ".* TO '" + mariaUser + "'@'%'");
            mariaUp = true;
        } catch (SQLException e) {
            System.err.println("MariaDB at 127.0.0.1:3306 is not usable, its half is skipped: " + e.getMessage());
        }
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        if (mariaUp) {
            try (Connection c = mariaRoot(""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + mariaDatabase);
                s.execute("DROP USER IF EXISTS '" + mariaUser + "'@'%'");
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** No SQL Server here: at least its shaded driver is found and a refused connection reads as unreachable. */
    @Test
    void sqlServerThatCannotBeReachedIsUnreachable() throws Exception {
        Map<String, String> s = new HashMap<>();
        s.put("url", "jdbc:sqlserver://127.0.0.1:1;databaseName=LOGIC;encrypt=false;connectRetryCount=0");
        s.put("user", "sa");
        s.put("bills-query", "SELECT TOP (:batch) * FROM invoices WHERE (modified_at > :watermark OR"
                + " (modified_at = :watermark AND invoice_no > :tiebreak)) ORDER BY modified_at, invoice_no");
        s.put("watermark-column", "modified_at");
        JdbcConnector connector = new JdbcConnector();
        try (ErpSource source = connector.open(new ErpSourceConfig(1, s, connector.mapping().defaults(), Map.of()))) {
            ConnectionCheck check = source.test();
            assertThat(check.problem()).as(check.message()).isEqualTo(ErpProblem.UNREACHABLE);
            assertThat(check.message()).startsWith("connection: The TCP/IP connection to the host 127.0.0.1, port 1");
        }
    }

    static Connection mariaRoot(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("connectTimeout", "3000");
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, p);
    }

    /** How a database differs for these tests. */
    interface Db {
        /** What the source connects to. */
        String url();

        String user();

        String password();

        /** A connection that may write. */
        Connection admin() throws SQLException;

        String timestampType();

        String productName();

        /** Ends every session of the scratch database but the admin's own. */
        void killOtherSessions(Connection admin) throws SQLException;

        /** The database's own words for a missing table, a missing column, a syntax error, a refused login. */
        String missingTableWords();

        String missingColumnWords();

        String syntaxWords();

        String loginWords();
    }

    @Nested
    class Postgres extends Scenarios {
        @Override
        Db db() {
            return new Db() {
                public String url() {
                    return postgres.url("erp");
                }

                public String user() {
                    return TestPostgres.USER;
                }

                public String password() {
                    return TestPostgres.PASSWORD;
                }

                public Connection admin() throws SQLException {
                    return DriverManager.getConnection(url(), user(), password());
                }

                public String timestampType() {
                    return "TIMESTAMP(6)";
                }

                public String productName() {
                    return "PostgreSQL";
                }

                public void killOtherSessions(Connection admin) throws SQLException {
                    try (Statement s = admin.createStatement()) {
                        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                    }
                }

                public String missingTableWords() {
                    return "relation \"invoicez\" does not exist";
                }

                public String missingColumnWords() {
                    return "column \"modified_att\" does not exist";
                }

                public String syntaxWords() {
                    return "syntax error at or near \"SELEC\"";
                }

                public String loginWords() {
                    return "password authentication failed for user \"postgres\"";
                }
            };
        }
    }

    @Nested
    class MariaDb extends Scenarios {
        @Override
        Db db() {
            assumeTrue(mariaUp, "no MariaDB at 127.0.0.1:3306");
            return new Db() {
                public String url() {
                    return "jdbc:mariadb://127.0.0.1:3306/" + mariaDatabase;
                }

                public String user() {
                    return mariaUser;
                }

                public String password() {
                    return TestPostgres.PASSWORD;
                }

                public Connection admin() throws SQLException {
                    return mariaRoot(mariaDatabase);
                }

                public String timestampType() {
                    return "DATETIME(6)";
                }

                public String productName() {
                    return "MariaDB";
                }

                public void killOtherSessions(Connection admin) throws SQLException {
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement ps = admin.prepareStatement("SELECT id FROM information_schema.processlist"
                            + " WHERE user = ? AND id <> CONNECTION_ID()")) {
                        ps.setString(1, mariaUser);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                    try (Statement s = admin.createStatement()) {
                        for (long id : ids) {
                            s.execute("KILL " + id);
                        }
                    }
                }

                public String missingTableWords() {
                    return "Table '" + mariaDatabase + ".invoicez' doesn't exist";
                }

                public String missingColumnWords() {
                    return "Unknown column 'modified_att'";
                }

                public String syntaxWords() {
                    return "You have an error in your SQL syntax";
                }

                public String loginWords() {
                    return "Access denied for user '" + mariaUser + "'";
                }
            };
        }

        @Test
        void mysqlUrlsAreReadWithTheMariaDbDriver() throws Exception {
            Map<String, String> s = settings();
            s.put("url", db.url().replace("jdbc:mariadb:", "jdbc:mysql:"));
            insertBill("INV-0001", T0);
            try (ErpSource source = open(s)) {
                assertThat(source.read(null, 10).rows()).extracting(SourceRow::ref).containsExactly("bill INV-0001");
            }
        }
    }

    /** The same scenarios on each database. */
    abstract static class Scenarios {
        Db db;

        abstract Db db();

        @BeforeEach
        void createTables() throws SQLException {
            db = db();
            String ts = db.timestampType();
            try (Connection c = db.admin(); Statement s = c.createStatement()) {
                for (String t : List.of("invoices", "invoice_lines", "invoice_returns", "customers", "counted_bills")) {
                    s.execute("DROP TABLE IF EXISTS " + t);
                }
                s.execute("CREATE TABLE invoices (invoice_no VARCHAR(20) NOT NULL PRIMARY KEY, invoice_date " + ts
                        + " NOT NULL, mobile VARCHAR(20), customer_name VARCHAR(80), net_amount DECIMAL(12,2) NOT NULL,"
                        + " currency CHAR(3), store_code VARCHAR(10), modified_at " + ts + " NOT NULL)");
                s.execute("CREATE TABLE invoice_lines (invoice_no VARCHAR(20) NOT NULL, line_no INT NOT NULL,"
                        + " sku VARCHAR(20), category VARCHAR(20), qty DECIMAL(10,3), line_amount DECIMAL(12,2))");
                s.execute("CREATE TABLE invoice_returns (invoice_no VARCHAR(20) NOT NULL, returned_at " + ts
                        + " NOT NULL, reason VARCHAR(80), amount DECIMAL(12,2))");
                s.execute("CREATE TABLE customers (mobile VARCHAR(20) NOT NULL PRIMARY KEY, customer_name VARCHAR(80),"
                        + " birthday DATE, updated_at " + ts + " NOT NULL)");
                s.execute("CREATE TABLE counted_bills (invoice_no INT NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                        + " net_amount DECIMAL(12,2))");
            }
        }

        Map<String, String> settings() {
            Map<String, String> s = new HashMap<>();
            s.put("url", db.url());
            s.put("user", db.user());
            s.put("password-env", PASSWORD_ENV);
            s.put("bills-query", BILLS);
            s.put("watermark-column", "modified_at");
            s.put("lines-query", LINES);
            return s;
        }

        ErpSource open(Map<String, String> settings) throws ErpSourceException {
            return open(settings, Map.of(PASSWORD_ENV, db.password()));
        }

        ErpSource open(Map<String, String> settings, Map<String, String> env) throws ErpSourceException {
            JdbcConnector connector = new JdbcConnector();
            Mapping mapping = connector.mapping().defaults();
            return connector.open(new ErpSourceConfig(7, settings, mapping, env));
        }

        void insertBill(String number, LocalDateTime modifiedAt) throws SQLException {
            try (Connection c = db.admin(); PreparedStatement ps = c.prepareStatement("INSERT INTO invoices"
                    + " (invoice_no, invoice_date, mobile, customer_name, net_amount, currency, store_code, modified_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'INR', 'S01', ?)")) {
                ps.setString(1, number);
                ps.setObject(2, modifiedAt.minusMinutes(5));
                ps.setString(3, "98765" + number.replaceAll("\\D", ""));
                ps.setString(4, "Customer " + number);
                ps.setBigDecimal(5, new BigDecimal("1250.50"));
                ps.setObject(6, modifiedAt);
                ps.executeUpdate();
            }
        }

        void insertLine(String bill, int lineNo, String sku, String amount) throws SQLException {
            try (Connection c = db.admin(); PreparedStatement ps = c.prepareStatement("INSERT INTO invoice_lines"
                    + " (invoice_no, line_no, sku, category, qty, line_amount) VALUES (?, ?, ?, 'GROCERY', 1, ?)")) {
                ps.setString(1, bill);
                ps.setInt(2, lineNo);
                ps.setString(3, sku);
                ps.setBigDecimal(4, new BigDecimal(amount));
                ps.executeUpdate();
            }
        }

        void execute(String sql, Object... values) throws SQLException {
            try (Connection c = db.admin(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
        }

        /** Reads until the source says there is no more, as the host's poll does. */
        static List<SourceRow> drain(ErpSource source, String[] cursor, int limit) throws ErpSourceException {
            List<SourceRow> rows = new ArrayList<>();
            for (int reads = 0; reads < 1000; reads++) {
                SourceBatch b = source.read(cursor[0], limit);
                assertThat(b.rows().size()).isLessThanOrEqualTo(limit);
                rows.addAll(b.rows());
                cursor[0] = b.cursor();
                if (!b.more()) {
                    return rows;
                }
            }
            throw new AssertionError("the source never ran out of rows");
        }

        static List<String> refs(List<SourceRow> rows) {
            return rows.stream().map(SourceRow::ref).toList();
        }

        // -------------------------------------------------------------------------------------------- reading

        @Test
        void readsBillsInWatermarkOrderWithTheirLines() throws Exception {
            insertBill("INV-0003", T0.plusMinutes(2));
            insertBill("INV-0001", T0);
            insertBill("INV-0002", T0.plusMinutes(1));
            insertLine("INV-0001", 1, "SKU-A", "1000.00");
            insertLine("INV-0001", 2, "SKU-B", "250.50");
            insertLine("INV-0002", 1, "SKU-C", "1250.50");

            try (ErpSource source = open(settings())) {
                SourceBatch b = source.read(null, 100);

                assertThat(refs(b.rows())).containsExactly("bill INV-0001", "bill INV-0002", "bill INV-0003");
                assertThat(b.more()).isFalse();
                SourceRow first = b.rows().get(0);
                assertThat(first.kind()).isEqualTo(SourceRow.Kind.BILL);
                assertThat(first.values()).containsKeys("invoice_no", "invoice_date", "mobile", "customer_name",
                        "net_amount", "currency", "store_code", "modified_at");
                assertThat(first.values().get("invoice_no")).isEqualTo("INV-0001");
                assertThat(first.values().get("modified_at")).isEqualTo(T0);
                assertThat(first.values().get("invoice_date")).isEqualTo(T0.minusMinutes(5));
                assertThat((BigDecimal) first.values().get("net_amount")).isEqualByComparingTo("1250.50");
                assertThat(first.lines()).extracting(l -> l.get("sku")).containsExactly("SKU-A", "SKU-B");
                assertThat((BigDecimal) first.lines().get(1).get("line_amount")).isEqualByComparingTo("250.50");
                assertThat(b.rows().get(1).lines()).extracting(l -> l.get("sku")).containsExactly("SKU-C");
                assertThat(b.rows().get(2).lines()).isEmpty();
                assertThat(b.cursor()).isEqualTo("b=2024-05-01T10:02:00.123456000|s:INV-0003");

                SourceBatch again = source.read(b.cursor(), 100);
                assertThat(again.rows()).isEmpty();
                assertThat(again.cursor()).isEqualTo(b.cursor());
                assertThat(again.more()).isFalse();

                SourceBatch none = source.read(null, 0);
                assertThat(none.rows()).hasSize(1); // a limit below one still reads one row
            }
        }

        @Test
        void theTableGrowsBetweenReadsAndNothingIsLostOrRepeated() throws Exception {
            for (int i = 1; i <= 5; i++) {
                insertBill("INV-%04d".formatted(i), T0.plusSeconds(i));
            }
            String[] cursor = {null};
            try (ErpSource source = open(settings())) {
                List<SourceRow> read = new ArrayList<>(drain(source, cursor, 2));
                assertThat(refs(read)).containsExactly("bill INV-0001", "bill INV-0002", "bill INV-0003",
                        "bill INV-0004", "bill INV-0005");

                // later bills, one at the very watermark the cursor stopped at (a bill number after it)
                insertBill("INV-0006", T0.plusSeconds(5));
                insertBill("INV-0007", T0.plusSeconds(6));
                // a bill changed again: its watermark moves, so it is read again (the host posts it once by number)
                execute("UPDATE invoices SET modified_at = ? WHERE invoice_no = ?", T0.plusSeconds(7), "INV-0002");
                read.addAll(drain(source, cursor, 2));

                assertThat(refs(read)).containsExactly("bill INV-0001", "bill INV-0002", "bill INV-0003",
                        "bill INV-0004", "bill INV-0005", "bill INV-0006", "bill INV-0007", "bill INV-0002");
                assertThat(source.read(cursor[0], 10).rows()).isEmpty();
            }
        }

        @Test
        void rowsWithTheSameWatermarkAcrossBatchEdgesAreReadExactlyOnce() throws Exception {
            insertBill("INV-0000", T0.minusSeconds(1));
            List<String> expected = new ArrayList<>(List.of("bill INV-0000"));
            for (int i = 1; i <= 23; i++) {
                insertBill("INV-%04d".formatted(i), T0); // all at the same instant, as a bulk import writes them
                expected.add("bill INV-%04d".formatted(i));
            }
            insertBill("INV-0100", T0.plusSeconds(1));
            expected.add("bill INV-0100");
            for (int i = 1; i <= 23; i++) {
                insertLine("INV-%04d".formatted(i), 1, "SKU-" + i, "10.00");
            }

            for (int limit : List.of(1, 5, 7, 100)) {
                Map<String, String> s = settings();
                s.put("batch-size", "4"); // the batch edge falls inside the tie whatever the limit
                String[] cursor = {null};
                try (ErpSource source = open(s)) {
                    List<SourceRow> rows = drain(source, cursor, limit);
                    assertThat(refs(rows)).as("limit " + limit).containsExactlyElementsOf(expected);
                    assertThat(rows.stream().filter(r -> !r.ref().equals("bill INV-0000")
                            && !r.ref().equals("bill INV-0100")))
                            .allSatisfy(r -> assertThat(r.lines()).hasSize(1));
                }
            }
        }

        @Test
        void readsReturnsAndCustomersWithTheirOwnCursors() throws Exception {
            insertBill("INV-0001", T0);
            insertBill("INV-0002", T0.plusMinutes(1));
            execute("INSERT INTO invoice_returns (invoice_no, returned_at, reason, amount) VALUES (?, ?, ?, ?)",
                    "INV-0001", T0.plusHours(1), "damaged", new BigDecimal("100.00"));
            execute("INSERT INTO invoice_returns (invoice_no, returned_at, reason, amount) VALUES (?, ?, ?, ?)",
                    "INV-0002", T0.plusHours(1), "cancelled", new BigDecimal("1250.50"));
            execute("INSERT INTO customers (mobile, customer_name, birthday, updated_at) VALUES (?, ?, ?, ?)",
                    "9876500001", "Asha", LocalDate.of(1990, 3, 14), T0.minusDays(1));
            Map<String, String> s = settings();
            s.put("returns-query", RETURNS);
            s.put("returns-watermark-column", "returned_at");
            s.put("customers-query", CUSTOMERS);
            s.put("customers-watermark-column", "UPDATED_AT"); // column names are case-insensitive

            try (ErpSource source = open(s)) {
                // the limit counts bills, returns and customers together; bills come first
                SourceBatch first = source.read(null, 3);
                assertThat(refs(first.rows())).containsExactly("bill INV-0001", "bill INV-0002",
                        "return INV-0001@2024-05-01T11:00:00.123456000");
                assertThat(first.more()).isTrue();
                assertThat(first.rows().get(2).kind()).isEqualTo(SourceRow.Kind.RETURN);
                assertThat(first.rows().get(2).values()).containsEntry("reason", "damaged");

                SourceBatch second = source.read(first.cursor(), 3);
                assertThat(refs(second.rows())).containsExactly("return INV-0002@2024-05-01T11:00:00.123456000",
                        "customer 9876500001");
                assertThat(second.more()).isFalse();
                SourceRow customer = second.rows().get(1);
                assertThat(customer.kind()).isEqualTo(SourceRow.Kind.CUSTOMER);
                assertThat(customer.values()).containsEntry("birthday", LocalDate.of(1990, 3, 14))
                        .containsEntry("customer_name", "Asha");
                assertThat(second.cursor()).isEqualTo("b=2024-05-01T10:01:00.123456000|s:INV-0002;"
                        + "r=2024-05-01T11:00:00.123456000|s:INV-0002;c=2024-04-30T10:00:00.123456000|s:9876500001");

                execute("UPDATE customers SET customer_name = ?, updated_at = ? WHERE mobile = ?", "Asha K",
                        T0.plusDays(1), "9876500001");
                SourceBatch third = source.read(second.cursor(), 3);
                assertThat(refs(third.rows())).containsExactly("customer 9876500001");
                assertThat(third.rows().get(0).values()).containsEntry("customer_name", "Asha K");
            }
        }

        @Test
        void readsANumberWatermarkAndANumericBillNumber() throws Exception {
            for (int i = 1; i <= 9; i++) {
                execute("INSERT INTO counted_bills (invoice_no, version, net_amount) VALUES (?, ?, ?)",
                        i, i <= 6 ? 40L : 41L, new BigDecimal("10.00"));
            }
            Map<String, String> s = settings();
            s.remove("lines-query");
            s.put("bills-query", "SELECT invoice_no, version, net_amount FROM counted_bills"
                    + " WHERE (version > :watermark OR (version = :watermark AND invoice_no > :tiebreak))"
                    + " ORDER BY version, invoice_no LIMIT :batch");
            s.put("watermark-column", "version");
            s.put("watermark-type", "number");
            String[] cursor = {null};
            try (ErpSource source = open(s)) {
                SourceBatch b = source.read(null, 4);
                assertThat(b.cursor()).isEqualTo("b=40|n:4");
                cursor[0] = b.cursor();
                List<SourceRow> rows = new ArrayList<>(b.rows());
                rows.addAll(drain(source, cursor, 4));
                assertThat(refs(rows)).containsExactly("bill 1", "bill 2", "bill 3", "bill 4", "bill 5", "bill 6",
                        "bill 7", "bill 8", "bill 9");
                assertThat(cursor[0]).isEqualTo("b=41|n:9");
            }
        }

        @Test
        void countsWhatIsLeftAndBackfillsFromADate() throws Exception {
            ZoneId kolkata = ZoneId.of("Asia/Kolkata");
            insertBill("INV-0001", LocalDateTime.of(2024, 4, 30, 23, 59, 59, 999_999_000));
            insertBill("INV-0002", LocalDateTime.of(2024, 5, 1, 0, 0)); // exactly at the backfill's start
            insertBill("INV-0003", LocalDateTime.of(2024, 5, 1, 9, 30));
            Map<String, String> s = settings();
            s.put("count-query", COUNT);
            try (ErpSource source = open(s)) {
                assertThat(source.remaining(null)).isEqualTo(3);
                SourceBatch one = source.read(null, 1);
                assertThat(source.remaining(one.cursor())).isEqualTo(2);

                String from = source.cursorFrom(LocalDate.of(2024, 5, 1).atStartOfDay(kolkata).toInstant());
                assertThat(source.remaining(from)).isEqualTo(2);
                assertThat(refs(source.read(from, 10).rows())).containsExactly("bill INV-0002", "bill INV-0003");
            }
        }

        @Test
        void reconnectsWhenTheConnectionWasDropped() throws Exception {
            insertBill("INV-0001", T0);
            try (ErpSource source = open(settings())) {
                SourceBatch first = source.read(null, 10);
                try (Connection admin = db.admin()) {
                    db.killOtherSessions(admin);
                }
                insertBill("INV-0002", T0.plusSeconds(1));
                assertThat(refs(source.read(first.cursor(), 10).rows())).containsExactly("bill INV-0002");
            }
        }

        // -------------------------------------------------------------------------------------------- test()

        @Test
        void testSaysWhatItFound() throws Exception {
            insertBill("INV-0001", T0);
            insertLine("INV-0001", 1, "SKU-A", "1250.50");
            Map<String, String> s = settings();
            s.put("count-query", COUNT);
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.ok()).as(check.message()).isTrue();
                assertThat(check.message()).startsWith("Connected to " + db.productName())
                        .contains("; the bills query returned columns invoice_no, invoice_date, mobile, customer_name,"
                                + " net_amount, currency, store_code, modified_at")
                        .contains("; the lines query returned columns invoice_no, line_no, sku, category, qty,"
                                + " line_amount")
                        .endsWith("; the count query counted 1");
            }
        }

        @Test
        void testWorksOnEmptyTables() throws Exception {
            Map<String, String> s = settings();
            s.put("returns-query", RETURNS);
            s.put("returns-watermark-column", "returned_at");
            s.put("customers-query", CUSTOMERS);
            s.put("customers-watermark-column", "updated_at");
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.ok()).as(check.message()).isTrue();
                assertThat(check.message()).contains("the returns query returned columns invoice_no, returned_at")
                        .contains("the customers query returned columns mobile, customer_name, birthday, updated_at");
            }
        }

        @Test
        void testTellsAnUnreachableHost() throws Exception {
            Map<String, String> s = settings();
            s.put("url", db.url().replaceFirst("//127\\.0\\.0\\.1:\\d+/", "//127.0.0.1:1/"));
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.problem()).as(check.message()).isEqualTo(ErpProblem.UNREACHABLE);
                assertThat(check.message().toLowerCase(Locale.ROOT)).startsWith("connection: ").contains("refused");
            }
        }

        @Test
        void testTellsARefusedLogin() throws Exception {
            try (ErpSource source = open(settings(), Map.of(PASSWORD_ENV, "wrong-password"))) {
                ConnectionCheck check = source.test();
                assertThat(check.problem()).as(check.message()).isEqualTo(ErpProblem.LOGIN_FAILED);
                assertThat(check.message()).contains(db.loginWords());
            }
        }

        @Test
        void testTellsAMissingTable() throws Exception {
            Map<String, String> s = settings();
            s.put("bills-query", BILLS.replace("FROM invoices", "FROM invoicez"));
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.problem()).as(check.message()).isEqualTo(ErpProblem.MISSING_OBJECT);
                assertThat(check.message()).startsWith("bills query: ").contains(db.missingTableWords());
                assertThatThrownBy(() -> source.read(null, 10)).isInstanceOfSatisfying(ErpSourceException.class,
                        e -> assertThat(e.problem()).isEqualTo(ErpProblem.MISSING_OBJECT));
            }
        }

        @Test
        void testTellsAMissingColumn() throws Exception {
            Map<String, String> s = settings();
            s.put("bills-query", BILLS.replace("WHERE (modified_at >", "WHERE (modified_att >"));
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.problem()).as(check.message()).isEqualTo(ErpProblem.MISSING_OBJECT);
                assertThat(check.message()).startsWith("bills query: ").contains(db.missingColumnWords());
            }
        }

        @Test
        void testTellsAWatermarkColumnTheQueryDoesNotReturn() throws Exception {
            Map<String, String> s = settings();
            s.put("watermark-column", "changed_at");
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.problem()).isEqualTo(ErpProblem.MISSING_OBJECT);
                assertThat(check.message()).isEqualTo("bills query: returns no column changed_at (the watermark"
                        + " column); it returns invoice_no, invoice_date, mobile, customer_name, net_amount, currency,"
                        + " store_code, modified_at");
            }
        }

        @Test
        void testTellsASyntaxError() throws Exception {
            Map<String, String> s = settings();
            s.put("bills-query", BILLS.replace("SELECT ", "SELEC "));
            try (ErpSource source = open(s)) {
                ConnectionCheck check = source.test();
                assertThat(check.problem()).as(check.message()).isEqualTo(ErpProblem.SYNTAX);
                assertThat(check.message()).startsWith("bills query: ").contains(db.syntaxWords());
            }
        }

        @Test
        void thePasswordComesFromTheVariableTheSettingsName() throws Exception {
            Map<String, String> s = settings();
            s.put("password-env", "SOME_OTHER_NAME");
            try (ErpSource source = open(s, Map.of("SOME_OTHER_NAME", db.password(), PASSWORD_ENV, "wrong"))) {
                assertThat(source.test().ok()).isTrue();
            }
            assertThatThrownBy(() -> open(s, Map.of(PASSWORD_ENV, db.password())))
                    .isInstanceOfSatisfying(ErpSourceException.class, e -> {
                        assertThat(e.problem()).isEqualTo(ErpProblem.SETTINGS);
                        assertThat(e.getMessage()).contains("SOME_OTHER_NAME");
                    });
        }

        @Test
        void mapsColumnsCaseInsensitively() throws Exception {
            insertBill("INV-0001", T0);
            insertLine("INV-0001", 1, "SKU-A", "1250.50");
            Map<BillField, String> columns = new HashMap<>(new JdbcConnector().mapping().defaultColumns());
            columns.put(BillField.BILL_NUMBER, "INVOICE_NO");
            Map<String, String> s = settings();
            s.put("bills-query", BILLS.replace("SELECT invoice_no,", "SELECT invoice_no AS \"INVOICE_NO\","));
            s.put("watermark-column", "Modified_At");
            try (ErpSource source = new JdbcConnector().open(new ErpSourceConfig(7, s, Mapping.defaults(columns),
                    Map.of(PASSWORD_ENV, db.password())))) {
                SourceBatch b = source.read(null, 10);
                assertThat(refs(b.rows())).containsExactly("bill INV-0001");
                assertThat(b.rows().get(0).values()).containsKey("invoice_no");
                assertThat(b.rows().get(0).lines()).hasSize(1);
            }
        }
    }
}
