package io.loyaltyhub.api.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL on the transaction's own connection, for work that needs exact statements (row
 * locks, conditional updates, INSERT IGNORE). Parameters: an {@link Instant} is stored as a UTC
 * DATETIME, an enum as its name. Errors are unchecked and roll the transaction back.
 */
public interface SqlRunner {

    int update(String sql, Object... args);

    /** Runs an INSERT and returns the generated id (0 when none). */
    long insert(String sql, Object... args);

    /** Every row, mapped. A mapper must never answer null: map a NULL column to a value deliberately. */
    <T> List<T> query(String sql, Row<T> row, Object... args);

    /**
     * The first row, mapped: empty when there is no row or when the mapper answers null, so a single
     * nullable column reads naturally ({@code rs -> rs.getObject(1, Long.class)}).
     */
    <T> Optional<T> one(String sql, Row<T> row, Object... args);

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A BIGINT column that may be NULL ({@code getLong} would read NULL as 0). */
    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    /** Reads a UTC DATETIME column as an instant (null stays null). */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
