package io.loyaltyhub.host.db;

/** A database failure that is not the caller's fault. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
