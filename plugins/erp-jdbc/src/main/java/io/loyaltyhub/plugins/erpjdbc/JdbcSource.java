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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * One connector instance's ERP database: runs the queries of its {@link JdbcSettings settings} after the cursor, over
 * one read-only connection kept open between reads (and opened again when it broke).
 * <p>
 * Each query (bills, returns, customers) has its own part of the cursor, {@link JdbcCursor}: the watermark and
 * tiebreak of the last row it read. A read runs the bills query first, then the returns and the customers queries
 * with what is left of the read's limit, so a return is read after the bills before it (the bill it returns is
 * posted first), and a read never gives more than {@code limit} rows. Nothing is compared or sorted in Java: the
 * query compares and orders with the database's own types and collation, so the cursor fits the order exactly.
 * <p>
 * Watermarks with a time: the cursor keeps them to the nanosecond and binds them as {@link LocalDateTime} (or
 * {@link OffsetDateTime} for a column with a time zone). SQL Server's old {@code datetime} keeps 1/300 s, which the
 * driver reads rounded to the millisecond; compare it as {@code modified_at > CAST(:watermark AS datetime)}, or better
 * use a {@code rowversion} column with {@code watermark-type} number. A watermark taken when a transaction starts
 * may commit after a later one was read; give such queries a safety lag ({@code AND modified_at < now() - interval})
 * or use a counter that the database assigns at commit.
 */
final class JdbcSource implements ErpSource {

    /** All nine fraction digits, so the text sorts as the time does and nothing is rounded away. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx");

    /** The start: lower than any watermark a column holds. */
    static final LocalDateTime MIN_TIMESTAMP = LocalDateTime.of(1, 1, 1, 0, 0);
    static final long MIN_NUMBER = Long.MIN_VALUE;

    /** SQL Server takes at most 2,100 parameters in a statement: the lines of a batch are asked for in chunks. */
    private static final int LINES_CHUNK = 1000;

    /** A query that reads after its own part of the cursor. */
    private record Feed(String key, String name, SourceRow.Kind kind, NamedParameters sql, String watermarkColumn,
                        String tiebreakColumn) {
    }

    /** What a query returned: its column labels (lower case) and rows. */
    private record Result(List<String> columns, List<Map<String, Object>> rows) {
    }

    private final JdbcSettings settings;
    private final ZoneId zone;
    private final String url;
    private final Driver driver;
    private final Properties properties;
    private final List<Feed> feeds = new ArrayList<>();
    private final NamedParameters lines;
    private final NamedParameters count;
    /** The bill number column, lower case: the bills' tiebreak and how lines find their bill. */
    private final String billColumn;
    private Connection connection;

    JdbcSource(ErpSourceConfig config) throws ErpSourceException {
        this.settings = JdbcSettings.from(config);
        Mapping mapping = config.mapping() == null ? JdbcConnector.MAPPING.defaults() : config.mapping();
        try {
            this.zone = ZoneId.of(mapping.timeZone());
        } catch (DateTimeException e) {
            throw new ErpSourceException(ErpProblem.SETTINGS,
                    "The mapping's time zone " + mapping.timeZone() + " is not a time zone id such as Asia/Kolkata", e);
        }

        this.billColumn = column(mapping, BillField.BILL_NUMBER, "bills query");
        feeds.add(new Feed("b", "bills query", SourceRow.Kind.BILL,
                query("bills query", settings.billsQuery, JdbcSettings.CURSOR_PARAMETERS, null),
                settings.watermarkColumn, billColumn));
        this.lines = settings.linesQuery.isBlank() ? null
                : query("lines query", settings.linesQuery, JdbcSettings.LINES_PARAMETERS, "bills");
        if (!settings.returnsQuery.isBlank()) {
            feeds.add(new Feed("r", "returns query", SourceRow.Kind.RETURN,
                    query("returns query", settings.returnsQuery, JdbcSettings.CURSOR_PARAMETERS, null),
                    settings.returnsWatermarkColumn, column(mapping, BillField.RETURN_BILL_NUMBER, "returns query")));
        }
        if (!settings.customersQuery.isBlank()) {
            feeds.add(new Feed("c", "customers query", SourceRow.Kind.CUSTOMER,
                    query("customers query", settings.customersQuery, JdbcSettings.CURSOR_PARAMETERS, null),
                    settings.customersWatermarkColumn, column(mapping, BillField.CUSTOMER_MOBILE, "customers query")));
        }
        this.count = settings.countQuery.isBlank() ? null
                : query("count query", settings.countQuery, JdbcSettings.COUNT_PARAMETERS, null);

        this.properties = new Properties();
        if (!settings.user.isBlank()) {
            properties.setProperty("user", settings.user);
        }
        if (!settings.passwordEnv.isBlank()) {
            String password = config.env().get(settings.passwordEnv);
            if (password == null || password.isBlank()) {
                throw new ErpSourceException(ErpProblem.SETTINGS, "The environment variable " + settings.passwordEnv
                        + " that should hold the password is not set");
            }
            properties.setProperty("password", password);
        }
        this.url = Drivers.effectiveUrl(settings.url);
        connectTimeout(url, properties);
        this.driver = Drivers.find(url);
    }

    private static String column(Mapping mapping, BillField field, String query) throws ErpSourceException {
        return mapping.column(field).map(c -> c.toLowerCase(Locale.ROOT)).orElseThrow(() -> new ErpSourceException(
                ErpProblem.SETTINGS, "The mapping names no column for " + field.label() + ", which the " + query
                + " needs to tell rows apart"));
    }

    private static NamedParameters query(String name, String sql, java.util.Set<String> allowed, String mustUse)
            throws ErpSourceException {
        NamedParameters q = NamedParameters.parse(sql);
        var problem = JdbcSettings.problem(q, allowed, mustUse);
        if (problem.isPresent()) {
            throw new ErpSourceException(ErpProblem.SETTINGS, "The " + name + " " + problem.get());
        }
        return q;
    }

    /** A dead host should fail a test or a poll in seconds, not after the operating system's minutes. */
    private static void connectTimeout(String url, Properties p) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:") && !u.contains("connecttimeout")) {
            p.setProperty("connectTimeout", "10");
        } else if (u.startsWith("jdbc:mariadb:") && !u.contains("connecttimeout")) {
            p.setProperty("connectTimeout", "10000");
        } else if (u.startsWith("jdbc:sqlserver:") && !u.contains("logintimeout")) {
            p.setProperty("loginTimeout", "15");
        }
    }

    // ------------------------------------------------------------------------------------------------ the contract

    @Override
    public ConnectionCheck test() {
        try {
            Connection c = connection();
            DatabaseMetaData md = c.getMetaData();
            StringBuilder said = new StringBuilder("Connected to ")
                    .append(md.getDatabaseProductName()).append(' ').append(md.getDatabaseProductVersion());
            for (Feed f : feeds) {
                Result r = select(c, f, null, 1);
                requireColumns(f, r.columns());
                said.append("; the ").append(f.name()).append(" returned columns ")
                        .append(String.join(", ", r.columns()));
                if (f.kind() == SourceRow.Kind.BILL && lines != null) {
                    List<Object> bills = new ArrayList<>();
                    bills.add(r.rows().isEmpty() ? null : r.rows().get(0).get(billColumn));
                    Result l = run(c, "lines query", lines, Map.of("bills", bills), 0);
                    if (!l.columns().contains(billColumn)) {
                        throw missingColumn("lines query", billColumn, "the bill number column", l.columns());
                    }
                    said.append("; the lines query returned columns ").append(String.join(", ", l.columns()));
                }
            }
            if (count != null) {
                said.append("; the count query counted ").append(remaining(null));
            }
            return ConnectionCheck.ok(said.toString());
        } catch (ErpSourceException e) {
            return ConnectionCheck.failed(e);
        } catch (SQLException e) {
            return ConnectionCheck.failed(fail("connection", e));
        }
    }

    @Override
    public SourceBatch read(String cursorText, int limit) throws ErpSourceException {
        JdbcCursor cursor = cursor(cursorText);
        boolean moved = false;
        Connection c = connection();
        List<SourceRow> out = new ArrayList<>();
        boolean more = false;
        int left = Math.max(1, limit);
        for (Feed f : feeds) {
            if (left <= 0) {
                break; // a query before filled the read: more is already true
            }
            int batch = Math.min(left, settings.batchSize);
            Result r = select(c, f, cursor.part(f.key()), batch);
            requireColumns(f, r.columns());
            Map<String, List<Map<String, Object>>> linesOf = f.kind() == SourceRow.Kind.BILL && lines != null
                    ? lines(c, r.rows()) : Map.of();
            for (Map<String, Object> row : r.rows()) {
                out.add(sourceRow(f, row, linesOf));
            }
            if (!r.rows().isEmpty()) {
                cursor = cursor.with(f.key(), position(f, r.rows().get(r.rows().size() - 1)));
                moved = true;
            }
            more |= r.rows().size() >= batch;
            left -= r.rows().size();
        }
        return new SourceBatch(out, moved ? cursor.format() : cursorText, more);
    }

    /**
     * For a timestamp watermark: every query starts just before {@code from} in the mapping's time zone (one
     * microsecond before, the finest step the databases keep: drivers round nanoseconds, which could round the
     * cursor up to {@code from} itself and skip the rows at exactly that time). For a number watermark (a counter or
     * rowversion has no date): the start, so a backfill reads everything again; that is safe, bills are posted once
     * by number.
     */
    @Override
    public String cursorFrom(Instant from) {
        if (!settings.timestampWatermark) {
            return JdbcCursor.START.format();
        }
        String watermark = LOCAL.format(LocalDateTime.ofInstant(from, zone).minus(1, ChronoUnit.MICROS));
        JdbcCursor cursor = JdbcCursor.START;
        for (Feed f : feeds) {
            cursor = cursor.with(f.key(), new JdbcCursor.Part(watermark, null));
        }
        return cursor.format();
    }

    /** The count query's answer for the bills part of the cursor; -1 without a count query. */
    @Override
    public long remaining(String cursorText) throws ErpSourceException {
        if (count == null) {
            return -1;
        }
        JdbcCursor.Part part = cursor(cursorText).part("b");
        Map<String, Object> params = new HashMap<>();
        params.put("watermark", watermark(part));
        params.put("tiebreak", part == null ? null : part.tiebreak());
        Result r = run(connection(), "count query", count, params, 1);
        if (r.rows().isEmpty() || r.columns().isEmpty()) {
            return -1;
        }
        Object n = r.rows().get(0).get(r.columns().get(0));
        if (n instanceof Number number) {
            return number.longValue();
        }
        try {
            return n == null ? -1 : Long.parseLong(n.toString().trim());
        } catch (NumberFormatException e) {
            throw new ErpSourceException(ErpProblem.OTHER, "count query: returned " + n + ", not a number");
        }
    }

    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing is best effort; the database drops the session anyway
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ connection

    private Connection connection() throws ErpSourceException {
        if (connection != null) {
            try {
                if (connection.isValid(2)) {
                    return connection;
                }
            } catch (SQLException ignored) {
                // reconnect below
            }
            close();
        }
        Connection c = null;
        try {
            c = driver.connect(url, properties);
            if (c == null) {
                throw new ErpSourceException(ErpProblem.SETTINGS,
                        "The driver " + driver.getClass().getName() + " does not take the URL " + settings.url);
            }
            c.setAutoCommit(true);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection = c;
            return c;
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            throw SqlProblems.exception("connection", e);
        }
    }

    private ErpSourceException fail(String doing, SQLException e) {
        ErpSourceException ex = SqlProblems.exception(doing, e);
        try {
            if (ex.problem() == ErpProblem.UNREACHABLE || connection == null || connection.isClosed()) {
                close();
            }
        } catch (SQLException ignored) {
            close();
        }
        return ex;
    }

    // ------------------------------------------------------------------------------------------------ queries

    private Result select(Connection c, Feed f, JdbcCursor.Part from, int batch) throws ErpSourceException {
        Map<String, Object> params = new HashMap<>();
        params.put("watermark", watermark(from));
        params.put("tiebreak", from == null ? null : from.tiebreak());
        params.put("batch", batch);
        return run(c, f.name(), f.sql(), params, batch);
    }

    /** The bills' lines by bill number (as {@link #key} text), asked for in chunks of bill numbers. */
    private Map<String, List<Map<String, Object>>> lines(Connection c, List<Map<String, Object>> bills)
            throws ErpSourceException {
        Map<String, List<Map<String, Object>>> byBill = new HashMap<>();
        List<Object> numbers = new ArrayList<>();
        for (Map<String, Object> bill : bills) {
            Object n = bill.get(billColumn);
            if (n != null && !numbers.contains(n)) {
                numbers.add(n);
            }
        }
        for (int i = 0; i < numbers.size(); i += LINES_CHUNK) {
            List<Object> chunk = numbers.subList(i, Math.min(numbers.size(), i + LINES_CHUNK));
            Result r = run(c, "lines query", lines, Map.of("bills", chunk), 0);
            if (!r.columns().contains(billColumn)) {
                throw missingColumn("lines query", billColumn, "the bill number column", r.columns());
            }
            for (Map<String, Object> line : r.rows()) {
                Object n = line.get(billColumn);
                if (n != null) {
                    byBill.computeIfAbsent(key(n), k -> new ArrayList<>()).add(line);
                }
            }
        }
        return byBill;
    }

    private Result run(Connection c, String what, NamedParameters q, Map<String, ?> params, int maxRows)
            throws ErpSourceException {
        NamedParameters.Bound b;
        try {
            b = q.bind(params);
        } catch (IllegalArgumentException e) {
            throw new ErpSourceException(ErpProblem.SETTINGS, what + ": the parameter " + e.getMessage()
                    + " has no value here");
        }
        try (PreparedStatement ps = c.prepareStatement(b.sql())) {
            ps.setQueryTimeout(settings.queryTimeoutSeconds);
            if (maxRows > 0) {
                ps.setMaxRows(maxRows); // a query without :batch still reads one batch
            }
            for (int i = 0; i < b.values().size(); i++) {
                bind(ps, i + 1, b.values().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            // untyped: the database takes the compared column's type (PostgreSQL refuses int > varchar)
            ps.setObject(i, null);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof Long n) {
            ps.setLong(i, n);
        } else if (v instanceof BigDecimal n) {
            BigDecimal whole = n.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    && whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
                ps.setLong(i, whole.longValueExact());
            } else {
                ps.setBigDecimal(i, n);
            }
        } else if (v instanceof BigInteger n) {
            bind(ps, i, new BigDecimal(n));
        } else {
            ps.setObject(i, v); // java.time values, Short, Boolean...
        }
    }

    private static Result rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(columns.get(i - 1), value(rs, md, i));
            }
            rows.add(row);
        }
        return new Result(columns, rows);
    }

    /** A column's value as java.time, a number or text. */
    static Object value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        int type = md.getColumnType(i);
        String typeName = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
        Object typed = null;
        try {
            if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz")
                    || typeName.equals("datetimeoffset")) {
                typed = rs.getObject(i, OffsetDateTime.class);
            } else if (type == Types.TIMESTAMP) {
                typed = rs.getObject(i, LocalDateTime.class);
            } else if (type == Types.DATE) {
                typed = rs.getObject(i, LocalDate.class);
            } else if (type == Types.TIME) {
                typed = rs.getObject(i, LocalTime.class);
            } else {
                return convert(rs.getObject(i));
            }
        } catch (SQLException | RuntimeException e) {
            return convert(rs.getObject(i)); // a driver that cannot convert this type: its own object
        }
        return typed;
    }

    static Object convert(Object v) throws SQLException {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        } else if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        } else if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        } else if (v instanceof byte[] bytes) {
            // SQL Server's rowversion: an 8-byte counter
            BigInteger n = new BigInteger(1, bytes);
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        } else if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------------ rows

    private SourceRow sourceRow(Feed f, Map<String, Object> row, Map<String, List<Map<String, Object>>> linesOf)
            throws ErpSourceException {
        Object id = row.get(f.tiebreakColumn());
        String text = id == null ? "?" : text(id);
        return switch (f.kind()) {
            case BILL -> new SourceRow("bill " + text, SourceRow.Kind.BILL, row,
                    id == null ? List.of() : linesOf.getOrDefault(key(id), List.of()));
            case RETURN -> new SourceRow("return " + text + "@" + watermarkText(f, row), SourceRow.Kind.RETURN, row,
                    List.of());
            case CUSTOMER -> new SourceRow("customer " + text, SourceRow.Kind.CUSTOMER, row, List.of());
        };
    }

    /** Where a query's last row leaves its part of the cursor. */
    private JdbcCursor.Part position(Feed f, Map<String, Object> last) throws ErpSourceException {
        Object id = last.get(f.tiebreakColumn());
        if (id == null) {
            throw new ErpSourceException(ErpProblem.OTHER, f.name() + ": a row has no value in " + f.tiebreakColumn()
                    + "; the query must not return rows without one (it is how rows with the same watermark are told"
                    + " apart)");
        }
        Object tiebreak = id instanceof Number n ? number(n) : id.toString();
        return new JdbcCursor.Part(watermarkText(f, last), tiebreak);
    }

    private String watermarkText(Feed f, Map<String, Object> row) throws ErpSourceException {
        Object w = row.get(f.watermarkColumn());
        if (w == null) {
            throw new ErpSourceException(ErpProblem.OTHER, f.name() + ": a row has no value in the watermark column "
                    + f.watermarkColumn() + "; the query must not return rows without one (COALESCE it)");
        }
        if (settings.timestampWatermark) {
            if (w instanceof LocalDateTime t) {
                return LOCAL.format(t);
            } else if (w instanceof OffsetDateTime t) {
                return OFFSET.format(t);
            } else if (w instanceof LocalDate d) {
                return LOCAL.format(d.atStartOfDay());
            } else if (w instanceof String s) {
                try {
                    return LOCAL.format(LocalDateTime.parse(s.trim().replace(' ', 'T')));
                } catch (DateTimeParseException e) {
                    // below
                }
            }
            throw new ErpSourceException(ErpProblem.SETTINGS, f.name() + ": the watermark column " + f.watermarkColumn()
                    + " holds " + w + " (" + w.getClass().getSimpleName() + "), not a date and time; set watermark-type"
                    + " to number for a counter");
        }
        if (w instanceof Number n) {
            return number(n).toPlainString();
        } else if (w instanceof String s) {
            try {
                return new BigDecimal(s.trim()).toPlainString();
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw new ErpSourceException(ErpProblem.SETTINGS, f.name() + ": the watermark column " + f.watermarkColumn()
                + " holds " + w + " (" + w.getClass().getSimpleName() + "), not a number; set watermark-type to"
                + " timestamp for a date and time");
    }

    /** The value bound to {@code :watermark}: the part's, or the lowest for the start. */
    private Object watermark(JdbcCursor.Part part) throws ErpSourceException {
        if (part == null) {
            return settings.timestampWatermark ? MIN_TIMESTAMP : MIN_NUMBER;
        }
        String w = part.watermark();
        try {
            if (!settings.timestampWatermark) {
                return new BigDecimal(w);
            }
            return hasOffset(w) ? OffsetDateTime.parse(w) : LocalDateTime.parse(w);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ErpSourceException(ErpProblem.SETTINGS, "The cursor's watermark " + w + " is not a "
                    + (settings.timestampWatermark ? "date and time" : "number")
                    + "; was watermark-type changed? Backfill from a date to start again");
        }
    }

    private static boolean hasOffset(String w) {
        int t = w.indexOf('T');
        return t > 0 && (w.endsWith("Z") || w.indexOf('+', t) > 0 || w.indexOf('-', t) > 0);
    }

    private static JdbcCursor cursor(String text) throws ErpSourceException {
        try {
            return JdbcCursor.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ErpSourceException(ErpProblem.SETTINGS,
                    "The cursor " + text + " was not written by this connector (" + e.getMessage() + ")");
        }
    }

    private void requireColumns(Feed f, List<String> columns) throws ErpSourceException {
        if (!columns.contains(f.watermarkColumn())) {
            throw missingColumn(f.name(), f.watermarkColumn(), "the watermark column", columns);
        }
        if (!columns.contains(f.tiebreakColumn())) {
            throw missingColumn(f.name(), f.tiebreakColumn(), "the tiebreak column of the mapping", columns);
        }
    }

    private static ErpSourceException missingColumn(String query, String column, String role, List<String> columns) {
        return new ErpSourceException(ErpProblem.MISSING_OBJECT, query + ": returns no column " + column + " ("
                + role + "); it returns " + (columns.isEmpty() ? "no columns" : String.join(", ", columns)));
    }

    private static BigDecimal number(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        } else if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** A bill number as people read it: 17, not 17.00. */
    private static String text(Object v) {
        return v instanceof Number n ? key(n) : v.toString();
    }

    /** The same for a bill number however the driver typed it (Integer, Long, BigDecimal 17.00, CHAR with padding). */
    static String key(Object v) {
        if (v instanceof Number n) {
            BigDecimal d = number(n).stripTrailingZeros();
            return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
        }
        return v.toString().trim();
    }
}
