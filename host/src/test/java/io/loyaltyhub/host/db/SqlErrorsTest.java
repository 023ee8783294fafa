package io.loyaltyhub.host.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorsTest {
    @Test
    void deadlocksAndSerializationFailuresAreRetryableWhereverTheyAreWrapped() {
        assertThat(SqlErrors.isRetryable(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(SqlErrors.isRetryable(new RuntimeException(new SQLException("Record has changed", "HY000", 1020)))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("Lock wait timeout", "HY000", 1205))).isTrue();
        assertThat(SqlErrors.isRetryable(new SQLException("syntax", "42000", 1064))).isFalse();
        assertThat(SqlErrors.isRetryable(new IllegalStateException("not sql"))).isFalse();
    }

    @Test
    void duplicateKeys() {
        assertThat(SqlErrors.isDuplicateKey(new SQLIntegrityConstraintViolationException("dup", "23000", 1062))).isTrue();
        assertThat(SqlErrors.isDuplicateKey(new RuntimeException(new SQLException("dup", "23000", 1062)))).isTrue();
        assertThat(SqlErrors.isDuplicateKey(new SQLException("other", "HY000", 1213))).isFalse();
    }
}
