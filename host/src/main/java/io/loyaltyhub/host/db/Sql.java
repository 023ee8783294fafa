package io.loyaltyhub.host.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small JDBC helpers for the host's own tables. Times are stored as DATETIME(6) in UTC (no
 * TIMESTAMP: no 2038 limit and no session time-zone conversion).
 */
public final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the generated id. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    /** Every row, mapped; a mapper must not answer null (a NULL column is mapped to a value, or use {@link #one}). */
    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    T mapped = row.map(rs);
                    if (mapped == null) {
                        throw new SQLException("the row mapper answered null for a row of: " + sql
                                + " (map NULL columns to a value, or read one value with one())");
                    }
                    out.add(mapped);
                }
                return out;
            }
        }
    }

    /**
     * The first row, mapped. Empty when there is no row <em>or</em> the mapper answers null, which
     * is how a single NULL column reads (e.g. {@code SELECT affiliate_id ...} of an unattributed bill).
     */
    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Same reading as plugins get, so host and plugin tables agree on what a stored time means. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return io.loyaltyhub.api.data.SqlRunner.instant(rs, column);
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof Instant in ? utc(in) : a instanceof Enum<?> e ? e.name() : a);
        }
    }
}
