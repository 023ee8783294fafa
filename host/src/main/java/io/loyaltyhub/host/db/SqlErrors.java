package io.loyaltyhub.host.db;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Classifies database errors by MariaDB's error codes. */
public final class SqlErrors {
    private static final int DEADLOCK = 1213;
    private static final int RECORD_CHANGED = 1020;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DUPLICATE_KEY = 1062;
    private static final int DATA_TOO_LONG = 1406;

    private SqlErrors() {
    }

    /**
     * Whether running the whole transaction again may succeed: deadlocks, "record has changed
     * since last read" and Galera certification failures (reported as 1213), and SQLSTATE 40001.
     */
    public static boolean isRetryable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == DEADLOCK || code == RECORD_CHANGED || code == LOCK_WAIT_TIMEOUT
                        || "40001".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isDataTooLong(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATA_TOO_LONG) {
                return true;
            }
        }
        return false;
    }

    public static boolean isDuplicateKey(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY)) {
                return true;
            }
        }
        return false;
    }
}
