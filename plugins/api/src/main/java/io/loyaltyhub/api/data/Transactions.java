package io.loyaltyhub.api.data;

/**
 * Runs work in a database transaction. Deadlocks and serialization failures (MariaDB 1213,
 * 1020, Galera certification failures) are retried with the work run again from the start, so
 * the work must not have effects outside the transaction.
 */
public interface Transactions {
    <T> T inTransaction(TxWork<T> work);

    default void run(TxWork<Void> work) {
        inTransaction(work);
    }
}
