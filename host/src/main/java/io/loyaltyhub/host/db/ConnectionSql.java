package io.loyaltyhub.host.db;

import io.loyaltyhub.api.data.SqlRunner;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link SqlRunner} for plugins over the host's {@link Sql}, on one transaction's connection. */
record ConnectionSql(Connection connection) implements SqlRunner {

    @Override
    public int update(String sql, Object... args) {
        try {
            return Sql.update(connection, sql, args);
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        }
    }

    @Override
    public long insert(String sql, Object... args) {
        try {
            return Sql.insert(connection, sql, args);
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        }
    }

    @Override
    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        try {
            return Sql.query(connection, sql, row::map, args);
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        }
    }

    @Override
    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        try {
            return Sql.one(connection, sql, row::map, args);
        } catch (SQLException e) {
            throw new DataAccessException(e.getMessage(), e);
        }
    }
}
