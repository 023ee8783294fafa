package io.loyaltyhub.host.jobs;

import io.loyaltyhub.api.job.Schedule;
import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two schedulers ("two instances") on one database run each due time of a job exactly once. */
class JobSchedulerIT {
    private TestPlatform platform;
    private TestPlatform.Instance observer;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform("jobs");
        observer = platform.instance();
    }

    @AfterEach
    void tearDown() throws Exception {
        platform.close();
    }

    static final class CountingJob implements ScheduledJob {
        final Map<Instant, AtomicInteger> runsByDue = new ConcurrentHashMap<>();
        final AtomicInteger total = new AtomicInteger();

        @Override
        public String id() {
            return "count";
        }

        @Override
        public Schedule schedule() {
            return Schedule.every(Duration.ofMinutes(1));
        }

        @Override
        public void run(Instant dueAt) {
            runsByDue.computeIfAbsent(dueAt, d -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
            if (dueAt.getEpochSecond() / 60 % 5 == 0) {
                throw new IllegalStateException("every fifth run fails");
            }
        }
    }

    @Test
    void eachDueTimeRunsOnceAcrossInstances() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:30Z"));
        CountingJob job = new CountingJob();
        JobScheduler s1 = new JobScheduler(platform.instance(clock).tx(), List.of(job), clock, "one");
        JobScheduler s2 = new JobScheduler(platform.instance(clock).tx(), List.of(job), clock, "two");
        s1.register();
        s2.register();
        try {
            for (int minute = 1; minute <= 20; minute++) {
                clock.advance(Duration.ofMinutes(1));
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> racers = List.of(s1, s2, s1, s2).stream().map(s -> Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        s.tick();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                })).toList();
                go.countDown();
                for (Thread t : racers) {
                    t.join();
                }
                int expected = minute;
                await().atMost(Duration.ofSeconds(10)).until(() -> job.total.get() == expected && finished() == expected);
            }
            // Down for ten minutes: one catch-up run, not ten.
            clock.advance(Duration.ofMinutes(10));
            s1.tick();
            s2.tick();
            await().atMost(Duration.ofSeconds(10)).until(() -> finished() == 21);
        } finally {
            s1.close();
            s2.close();
        }
        assertThat(job.total.get()).isEqualTo(21);
        assertThat(job.runsByDue.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        List<String[]> runs = observer.tx().inHostTransaction(t -> Sql.query(t.connection(),
                "SELECT status, error FROM job_run WHERE job_id = 'count'", rs -> new String[]{rs.getString(1), rs.getString(2)}));
        assertThat(runs).hasSize(21);
        assertThat(runs.stream().filter(r -> r[0].equals("FAILED")).toList()).hasSize(4)
                .allSatisfy(r -> assertThat(r[1]).contains("every fifth run fails"));
    }

    private long finished() throws Exception {
        return observer.tx().inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT COUNT(*) FROM job_run WHERE finished_at IS NOT NULL", rs -> rs.getLong(1)).orElse(0L));
    }
}
