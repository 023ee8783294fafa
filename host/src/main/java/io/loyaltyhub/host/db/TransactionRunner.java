package io.loyaltyhub.host.db;

import io.loyaltyhub.api.data.GroupCommit;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.data.TxWork;
import io.loyaltyhub.host.audit.AuditWriter;
import io.loyaltyhub.host.events.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs work in a transaction and runs it again on deadlocks and serialization failures
 * (MariaDB 1213, 1020, 1205; Galera certification failures), with a short random backoff.
 */
public final class TransactionRunner implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);
    private static final int MAX_ATTEMPTS = 8;

    @FunctionalInterface
    public interface HostWork<T> {
        T run(HostTx tx) throws Exception;
    }

    private final DataSource dataSource;
    private final Persistence persistence;
    private final Outbox outbox;
    private final AuditWriter audit;
    private final Clock clock;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    public TransactionRunner(DataSource dataSource, Persistence persistence, Outbox outbox, AuditWriter audit, Clock clock) {
        this.dataSource = dataSource;
        this.persistence = persistence;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public <T, R> GroupCommit<T, R> groupCommit(String name, int maxBatch, int capacity, GroupCommit.Write<T, R> write) {
        return new HostGroupCommit<>(name, this, maxBatch, capacity, write);
    }

    @Override
    public <T> T inTransaction(TxWork<T> work) {
        return inHostTransaction(work::run);
    }

    public <T> T inHostTransaction(HostWork<T> work) {
        if (inTransaction.get()) {
            // A second connection would wait on the locks of the first: a self-deadlock.
            throw new IllegalStateException("Nested transaction: use the Tx you were given instead of opening another");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (Exception e) {
                if (attempt < MAX_ATTEMPTS && SqlErrors.isRetryable(e)) {
                    LOG.debug("Retrying transaction after {} (attempt {})", e.toString(), attempt);
                    sleepBeforeRetry(attempt);
                    continue;
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new DataAccessException("Transaction failed: " + e.getMessage(), e);
            }
        }
    }

    private <T> T once(HostWork<T> work) throws Exception {
        // HikariCP resets autocommit and rolls back anything left open when the connection returns.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            HostTx tx = new HostTx(c, persistence.sessionFactory(), outbox, audit, clock.instant());
            inTransaction.set(true);
            try {
                T result = work.run(tx);
                tx.commit();
                return result;
            } catch (Exception | Error e) {
                tx.rollback();
                throw e;
            } finally {
                inTransaction.set(false);
                tx.close();
            }
        }
    }

    private static void sleepBeforeRetry(int attempt) {
        long maxMillis = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, maxMillis + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
