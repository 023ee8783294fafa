package io.loyaltyhub.host.erp;

import io.loyaltyhub.host.testing.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A retailer's ERP database for tests: invoices with lines and returns in their own MariaDB database (on the server
 * the tests use, embedded or not), read by a user that may only SELECT, as the README tells retailers to set up.
 */
public final class ErpSourceDb implements AutoCloseable {
    final String url;
    final String reader;
    private final String adminUrl;

    private ErpSourceDb(String adminUrl, String url, String reader) {
        this.adminUrl = adminUrl;
        this.url = url;
        this.reader = reader;
    }

    public static ErpSourceDb create() throws SQLException {
        String adminUrl = TestDatabase.freshDatabase("erp_src");
        String db = adminUrl.substring(adminUrl.lastIndexOf('/') + 1);
        String reader = "erp_" + UUID.randomUUID().toString().substring(0, 8);
        ErpSourceDb s = new ErpSourceDb(adminUrl, adminUrl, reader);
        s.exec("CREATE TABLE invoices (invoice_no VARCHAR(40) PRIMARY KEY, invoice_date DATETIME NOT NULL, "
                + "mobile VARCHAR(20), customer_name VARCHAR(100), net_amount DECIMAL(12,2), currency CHAR(3), "
                + "store_code VARCHAR(20), modified_at DATETIME(3) NOT NULL, KEY (modified_at, invoice_no))");
        s.exec("CREATE TABLE invoice_lines (invoice_no VARCHAR(40), line_no INT, sku VARCHAR(40), category VARCHAR(40), "
                + "qty DECIMAL(10,2), line_amount DECIMAL(12,2), PRIMARY KEY (invoice_no, line_no))");
        s.exec("CREATE TABLE returns (return_id INT AUTO_INCREMENT PRIMARY KEY, invoice_no VARCHAR(40), "
                + "reason VARCHAR(100), modified_at DATETIME(3) NOT NULL)");
        // a user that can read and nothing else, with no password (the tests cannot set the server's environment)
        s.exec("CREATE USER '" + reader + "'@'%'");
        s.exec("GRANT SELECT ON " + db + ".* TO '" + reader + "'@'%'");
        return s;
    }

    public void exec(String sql) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, TestDatabase.user(), TestDatabase.password());
    }

    /** A bill of one or two lines, changed at {@code modifiedAt}. */
    public void invoice(String number, LocalDateTime billedAt, String mobile, String amount, String currency,
                 LocalDateTime modifiedAt) throws SQLException {
        try (Connection c = admin();
             PreparedStatement p = c.prepareStatement("INSERT INTO invoices VALUES (?, ?, ?, ?, ?, ?, 'BLR-1', ?)");
             PreparedStatement l = c.prepareStatement("INSERT INTO invoice_lines VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, number);
            p.setObject(2, billedAt);
            p.setString(3, mobile);
            p.setString(4, "Customer " + number);
            p.setBigDecimal(5, amount == null ? null : new BigDecimal(amount));
            p.setString(6, currency);
            p.setObject(7, modifiedAt);
            p.executeUpdate();
            if (amount != null && new BigDecimal(amount).signum() > 0) {
                l.setString(1, number);
                l.setInt(2, 1);
                l.setString(3, "SKU-" + number);
                l.setString(4, "toys");
                l.setBigDecimal(5, BigDecimal.ONE);
                l.setBigDecimal(6, new BigDecimal(amount));
                l.executeUpdate();
            }
        }
    }

    /**
     * Loads {@code count} bills of one line each, {@code customers} distinct mobiles, billed and changed in the past,
     * in batches (a benchmark's history).
     */
    public void bulk(String prefix, int count, int customers, LocalDateTime firstChange) throws SQLException {
        try (Connection c = admin()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO invoices VALUES (?, ?, ?, ?, ?, 'INR', 'BLR-1', ?)");
                 PreparedStatement l = c.prepareStatement("INSERT INTO invoice_lines VALUES (?, 1, ?, 'toys', 1, ?)")) {
                for (int i = 0; i < count; i++) {
                    String number = prefix + i;
                    LocalDateTime at = firstChange.plusSeconds(i / 10);
                    BigDecimal amount = BigDecimal.valueOf(100 + (i % 50) * 37L);
                    p.setString(1, number);
                    p.setObject(2, at);
                    p.setString(3, "+9197" + String.format("%08d", i % customers));
                    p.setString(4, "Customer " + (i % customers));
                    p.setBigDecimal(5, amount);
                    p.setObject(6, at);
                    p.addBatch();
                    l.setString(1, number);
                    l.setString(2, "SKU-" + (i % 500));
                    l.setBigDecimal(3, amount);
                    l.addBatch();
                    if (i % 5000 == 4999 || i == count - 1) {
                        p.executeBatch();
                        l.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    public void returned(String number, String reason, LocalDateTime modifiedAt) throws SQLException {
        try (Connection c = admin();
             PreparedStatement p = c.prepareStatement("INSERT INTO returns (invoice_no, reason, modified_at) "
                     + "VALUES (?, ?, ?)")) {
            p.setString(1, number);
            p.setString(2, reason);
            p.setObject(3, modifiedAt);
            p.executeUpdate();
        }
    }

    /** The connector's settings for these tables, in the JSON of a connector draft. */
    public String settingsJson(int batchSize) {
        return """
                {"url":"%s","user":"%s","password-env":"",
                 "bills-query":"SELECT * FROM invoices WHERE modified_at > :watermark OR (modified_at = :watermark AND invoice_no > :tiebreak) ORDER BY modified_at, invoice_no LIMIT :batch",
                 "watermark-column":"modified_at","watermark-type":"timestamp",
                 "lines-query":"SELECT * FROM invoice_lines WHERE invoice_no IN (:bills) ORDER BY invoice_no, line_no",
                 "returns-query":"SELECT * FROM returns WHERE modified_at > :watermark OR (modified_at = :watermark AND invoice_no > :tiebreak) ORDER BY modified_at, invoice_no LIMIT :batch",
                 "returns-watermark-column":"modified_at",
                 "batch-size":"%d","poll-interval":"PT1S"}""".formatted(url, reader, batchSize);
    }

    @Override
    public void close() {
        try {
            exec("DROP USER IF EXISTS '" + reader + "'@'%'");
        } catch (SQLException ignored) {
            // the database goes anyway
        }
        TestDatabase.drop(adminUrl);
    }
}
