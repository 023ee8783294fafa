package io.loyaltyhub.host.jobs;

import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs scheduled jobs once per due time across every instance sharing the database. Each job has
 * a row in {@code job_schedule}; on every tick an instance locks the row with
 * {@code FOR UPDATE SKIP LOCKED}, and only if it is due advances {@code next_due_at} and records a
 * {@code job_run} (unique per job and due time) in the same transaction, then runs the job. A
 * down-time that skipped several due times gives one catch-up run, not a burst.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final TransactionRunner tx;
    private final List<ScheduledJob> jobs;
    private final Clock clock;
    private final String instanceId;
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private Thread ticker;

    public JobScheduler(TransactionRunner tx, List<ScheduledJob> jobs, Clock clock, String instanceId) {
        this.tx = tx;
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Creates the schedule rows of jobs seen for the first time. Idempotent across instances. */
    public void register() {
        Instant now = clock.instant();
        for (ScheduledJob job : jobs) {
            tx.inHostTransaction(t -> Sql.update(t.connection(),
                    "INSERT IGNORE INTO job_schedule (job_id, next_due_at) VALUES (?, ?)",
                    job.id(), job.schedule().nextAfter(now)));
        }
    }

    public synchronized void start(Duration tick) {
        if (running || jobs.isEmpty()) {
            return;
        }
        register();
        running = true;
        ticker = Thread.ofPlatform().name("job-scheduler").daemon().start(() -> {
            while (running) {
                try {
                    tick();
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("Scheduler tick failed: {}", e.toString());
                }
            }
        });
    }

    /** Starts every job that is due and claimed by this instance; returns how many were started. */
    public int tick() {
        int started = 0;
        for (ScheduledJob job : jobs) {
            if (runningHere.contains(job.id())) {
                continue;
            }
            Optional<Instant> due = claim(job);
            if (due.isPresent()) {
                runningHere.add(job.id());
                runner.execute(() -> runJob(job, due.get()));
                started++;
            }
        }
        return started;
    }

    /** Claims the job's current due time if it has come and nobody else holds it. */
    Optional<Instant> claim(ScheduledJob job) {
        return tx.inHostTransaction(t -> {
            Instant now = clock.instant();
            Optional<Instant> nextDue = Sql.one(t.connection(),
                    "SELECT next_due_at FROM job_schedule WHERE job_id = ? FOR UPDATE SKIP LOCKED",
                    rs -> Sql.instant(rs, "next_due_at"), job.id());
            if (nextDue.isEmpty() || nextDue.get().isAfter(now)) {
                return Optional.<Instant>empty();
            }
            Instant due = nextDue.get();
            Sql.update(t.connection(), "UPDATE job_schedule SET next_due_at = ?, last_due_at = ?, last_started = ?, "
                            + "last_status = 'RUNNING', last_instance = ? WHERE job_id = ?",
                    job.schedule().nextAfter(now), due, now, instanceId, job.id());
            Sql.update(t.connection(), "INSERT INTO job_run (job_id, due_at, instance, started_at, status) "
                    + "VALUES (?, ?, ?, ?, 'RUNNING')", job.id(), due, instanceId, now);
            return Optional.of(due);
        });
    }

    private void runJob(ScheduledJob job, Instant due) {
        String status = "OK";
        String error = null;
        try {
            job.run(due);
        } catch (Exception e) {
            status = "FAILED";
            error = e.toString().length() > 2000 ? e.toString().substring(0, 2000) : e.toString();
            LOG.error("Job {} failed for due time {}: {}", job.id(), due, e.toString(), e);
        } finally {
            runningHere.remove(job.id());
        }
        String finalStatus = status;
        String finalError = error;
        try {
            tx.inHostTransaction(t -> {
                Instant now = clock.instant();
                Sql.update(t.connection(), "UPDATE job_run SET finished_at = ?, status = ?, error = ? "
                        + "WHERE job_id = ? AND due_at = ?", now, finalStatus, finalError, job.id(), due);
                Sql.update(t.connection(), "UPDATE job_schedule SET last_finished = ?, last_status = ?, last_error = ? "
                        + "WHERE job_id = ? AND last_due_at = ?", now, finalStatus, finalError, job.id(), due);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of job {}: {}", job.id(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (ticker != null) {
            ticker.interrupt();
        }
        runner.shutdown();
        try {
            if (!runner.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warn("Jobs still running at shutdown: {}", runningHere);
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
