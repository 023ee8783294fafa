package io.loyaltyhub.host.events;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.event.EventListener;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.DeadLetter;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two dispatchers ("two server instances") on one real MariaDB: every effect happens exactly once. */
class OutboxIT {
    private static final int EVENTS = 2000;
    private TestPlatform platform;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform("outbox");
    }

    @AfterEach
    void tearDown() throws Exception {
        platform.close();
    }

    /** Records its effect in a table without a unique key, so a second application would show. */
    record EffectListener(String id, boolean failFirstAttemptSometimes) implements EventListener {
        @Override
        public Set<String> eventTypes() {
            return Set.of("test.happened");
        }

        @Override
        public void onEvent(Event event, Tx tx) {
            tx.em().createNativeQuery("INSERT INTO it_effect (listener_id, event_id) VALUES (?1, ?2)")
                    .setParameter(1, id).setParameter(2, event.id()).executeUpdate();
            if (event.payload().contains("\"poison\":true")) {
                throw new IllegalStateException("cannot digest poison");
            }
            if (failFirstAttemptSometimes && event.attempt() == 1 && Math.floorMod(event.id().hashCode(), 7) == 0) {
                throw new IllegalStateException("transient failure"); // rolls back the insert above
            }
        }
    }

    @Test
    void twoDispatchersApplyEveryEventExactlyOnceAndPoisonEndsDead() throws Exception {
        TestPlatform.Instance a = platform.instance();
        TestPlatform.Instance b = platform.instance();
        a.tx().inHostTransaction(t -> Sql.update(t.connection(),
                "CREATE TABLE it_effect (listener_id VARCHAR(50) NOT NULL, event_id CHAR(36) NOT NULL)"));
        List<EventListener> listeners = List.of(new EffectListener("steady", false), new EffectListener("flaky", true));
        Map<String, List<String>> subscriptions = EventDispatcher.subscriptions(listeners);
        a.tx().inHostTransaction(t -> {
            a.outbox().subscribe(t.connection(), subscriptions, t.now());
            return null;
        });
        b.tx().inHostTransaction(t -> { // a second instance registering the same is harmless
            b.outbox().subscribe(t.connection(), subscriptions, t.now());
            return null;
        });

        for (int batch = 0; batch < EVENTS / 100; batch++) {
            int first = batch * 100;
            (batch % 2 == 0 ? a : b).tx().inHostTransaction(t -> {
                for (int i = first; i < first + 100; i++) {
                    t.publish("test.happened", "k" + i, Map.of("n", i, "poison", i == 777));
                }
                return null;
            });
        }
        // A change that rolls back publishes nothing.
        try {
            a.tx().inHostTransaction(t -> {
                t.publish("test.happened", "ghost", Map.of("n", -1));
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }

        EventDispatcher da = new EventDispatcher(a.tx(), listeners, Clock.systemUTC(), 3, Duration.ofMillis(20), Duration.ofMillis(10));
        EventDispatcher db = new EventDispatcher(b.tx(), listeners, Clock.systemUTC(), 3, Duration.ofMillis(20), Duration.ofMillis(10));
        EventAdminService admin = new EventAdminService(a.tx());
        AtomicInteger claimedByA = new AtomicInteger();
        AtomicInteger claimedByB = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            EventDispatcher d = w % 2 == 0 ? da : db;
            AtomicInteger counter = w % 2 == 0 ? claimedByA : claimedByB;
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline && admin.backlog() > 0) {
                    int n = d.pollOnce();
                    counter.addAndGet(n);
                    if (n == 0) {
                        Thread.sleep(15); // backoff of failed deliveries
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();

        assertThat(admin.backlog()).isZero();
        assertThat(claimedByA.get()).isPositive();
        assertThat(claimedByB.get()).isPositive();
        for (String listener : List.of("steady", "flaky")) {
            long[] counts = a.tx().inHostTransaction(t -> Sql.one(t.connection(),
                    "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM it_effect WHERE listener_id = ?",
                    rs -> new long[]{rs.getLong(1), rs.getLong(2)}, listener).orElseThrow());
            assertThat(counts[0]).as("effects of %s", listener).isEqualTo(EVENTS - 1);
            assertThat(counts[1]).as("distinct events of %s", listener).isEqualTo(EVENTS - 1);
        }
        long ghost = a.tx().inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT COUNT(*) FROM outbox_event WHERE aggregate_key = 'ghost'", rs -> rs.getLong(1)).orElseThrow());
        assertThat(ghost).isZero();

        List<DeadLetter> dead = admin.deadLetters(10);
        assertThat(dead).hasSize(2).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).contains("cannot digest poison");
            assertThat(d.payload()).contains("\"n\":777");
        });
        admin.retry(Actor.SYSTEM, dead.getFirst().eventId(), dead.getFirst().listenerId());
        assertThat(admin.deadLetters(10)).hasSize(1);
        assertThat(admin.backlog()).isEqualTo(1);
    }
}
