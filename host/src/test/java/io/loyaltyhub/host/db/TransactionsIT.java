package io.loyaltyhub.host.db;

import io.loyaltyhub.host.testing.TestPlatform;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transaction runner on a real MariaDB: all or nothing, retries, no silent loss. */
class TransactionsIT {
    private TestPlatform platform;
    private TestPlatform.Instance db;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform("tx");
        db = platform.instance();
        db.tx().inHostTransaction(t -> Sql.update(t.connection(), "CREATE TABLE it_row (id INT PRIMARY KEY, n INT)"));
    }

    @AfterEach
    void tearDown() throws Exception {
        platform.close();
    }

    private long count(String sql) {
        return db.tx().inHostTransaction(t -> Sql.one(t.connection(), sql, rs -> rs.getLong(1)).orElseThrow());
    }

    @Test
    void aSwallowedPersistenceErrorFailsTheTransactionInsteadOfLosingItSilently() {
        db.tx().inHostTransaction(t -> Sql.update(t.connection(), "INSERT INTO it_row VALUES (1, 0)"));
        assertThatThrownBy(() -> db.tx().inTransaction(tx -> {
            tx.publish("test.thing", "1", Map.of());
            try {
                tx.em().createNativeQuery("INSERT INTO it_row VALUES (1, 1)").executeUpdate(); // duplicate key
            } catch (PersistenceException swallowed) {
                // a plugin "handling" the error and carrying on
            }
            return "looks fine";
        })).hasMessageContaining("rollback-only");
        assertThat(count("SELECT COUNT(*) FROM outbox_event")).isZero();
    }

    @Test
    void entityWorkJdbcWorkOutboxAndAuditCommitTogetherOrNotAtAll() {
        assertThatThrownBy(() -> db.tx().inTransaction(tx -> {
            tx.em().createNativeQuery("INSERT INTO it_row VALUES (2, 0)").executeUpdate();
            tx.publish("test.thing", "2", Map.of("n", 2));
            tx.audit(io.loyaltyhub.api.platform.Actor.SYSTEM, "thing.create", "thing", "2", null, Map.of("n", 2));
            throw new IllegalStateException("business rule says no");
        })).hasMessage("business rule says no");
        assertThat(count("SELECT COUNT(*) FROM it_row")).isZero();
        assertThat(count("SELECT COUNT(*) FROM outbox_event")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isZero();

        db.tx().inTransaction(tx -> {
            tx.em().createNativeQuery("INSERT INTO it_row VALUES (2, 0)").executeUpdate();
            tx.publish("test.thing", "2", Map.of("n", 2));
            tx.audit(io.loyaltyhub.api.platform.Actor.SYSTEM, "thing.create", "thing", "2", null, Map.of("n", 2));
            return null;
        });
        assertThat(count("SELECT COUNT(*) FROM it_row")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox_event")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
    }

    @Test
    void deadlocksAreRetriedNotSurfaced() throws Exception {
        db.tx().inHostTransaction(t -> Sql.update(t.connection(), "INSERT INTO it_row VALUES (10, 0), (20, 0)"));
        CountDownLatch bothLocked = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        Runnable a = () -> db.tx().inHostTransaction(t -> work(t, 10, 20, bothLocked, attempts));
        Runnable b = () -> db.tx().inHostTransaction(t -> work(t, 20, 10, bothLocked, attempts));
        Thread ta = Thread.ofPlatform().start(a);
        Thread tb = Thread.ofPlatform().start(b);
        ta.join(30_000);
        tb.join(30_000);
        assertThat(attempts.get()).as("one of the two ran again after the deadlock").isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT SUM(n) FROM it_row")).isEqualTo(4);
    }

    private static Object work(HostTx t, int first, int second, CountDownLatch bothLocked, AtomicInteger attempts)
            throws Exception {
        attempts.incrementAndGet();
        Sql.update(t.connection(), "UPDATE it_row SET n = n + 1 WHERE id = ?", first);
        bothLocked.countDown();
        bothLocked.await(5, java.util.concurrent.TimeUnit.SECONDS); // both hold one row: now cross over
        Sql.update(t.connection(), "UPDATE it_row SET n = n + 1 WHERE id = ?", second);
        return null;
    }

    @Test
    void nestedTransactionsAreRefused() {
        assertThatThrownBy(() -> db.tx().inTransaction(outer -> db.tx().inTransaction(inner -> 1)))
                .hasMessageContaining("Nested transaction");
    }
}
