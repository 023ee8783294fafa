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

    /**
     * A group commit writing with {@code write}: at most {@code maxBatch} items per transaction, at
     * most {@code capacity} waiting (beyond that, submits fail at once). Its writer thread runs only
     * while there is work, so it needs no stopping.
     */
    <T, R> GroupCommit<T, R> groupCommit(String name, int maxBatch, int capacity, GroupCommit.Write<T, R> write);
}
