package io.loyaltyhub.host.jobs;

import io.loyaltyhub.api.job.JobRun;
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
        final Map<Instant, Instant> lastOkSeen = new ConcurrentHashMap<>();

        @Override
        public String id() {
            return "count";
        }

        @Override
        public Schedule schedule() {
            return Schedule.every(Duration.ofMinutes(1));
        }

        @Override
        public void run(JobRun run) {
            Instant dueAt = run.dueAt();
            run.lastSucceededDueAt().ifPresent(ok -> lastOkSeen.put(dueAt, ok));
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
        // 10:05 failed, so the 10:06 run is told the last success was 10:04; the catch-up run at 10:21 gets 10:19.
        assertThat(job.lastOkSeen).containsEntry(Instant.parse("2026-11-21T10:06:00Z"), Instant.parse("2026-11-21T10:04:00Z"))
                .containsEntry(Instant.parse("2026-11-21T10:21:00Z"), Instant.parse("2026-11-21T10:19:00Z"));
        assertThat(job.runsByDue.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        List<String[]> runs = observer.tx().inHostTransaction(t -> Sql.query(t.connection(),
                "SELECT status, error FROM job_run WHERE job_id = 'count'", rs -> new String[]{rs.getString(1), rs.getString(2)}));
        assertThat(runs).hasSize(21);
        assertThat(runs.stream().filter(r -> r[0].equals("FAILED")).toList()).hasSize(4)
                .allSatisfy(r -> assertThat(r[1]).contains("every fifth run fails"));
    }

    @Test
    void aRunStillInProgressOnOneInstanceIsNotOverlappedByAnother() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:30Z"));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ScheduledJob slow = new ScheduledJob() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public Schedule schedule() {
                return Schedule.every(Duration.ofMinutes(1));
            }

            @Override
            public void run(JobRun run) throws InterruptedException {
                runs.incrementAndGet();
                release.await();
            }
        };
        JobScheduler s1 = new JobScheduler(platform.instance(clock).tx(), List.of(slow), clock, "one");
        JobScheduler s2 = new JobScheduler(platform.instance(clock).tx(), List.of(slow), clock, "two");
        s1.register();
        try {
            clock.advance(Duration.ofMinutes(1));
            assertThat(s1.tick()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1)); // the next due time comes while the first run still runs
            assertThat(s2.tick()).isZero();
            assertThat(s1.tick()).isZero();
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> finished() == 1);
            assertThat(s2.tick()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> finished() == 2);
        } finally {
            release.countDown();
            s1.close();
            s2.close();
        }
        assertThat(runs.get()).isEqualTo(2);
    }

    private long finished() throws Exception {
        return observer.tx().inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT COUNT(*) FROM job_run WHERE finished_at IS NOT NULL", rs -> rs.getLong(1)).orElse(0L));
    }
}
