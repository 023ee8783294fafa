package io.loyaltyhub.host.jobs;

import io.loyaltyhub.api.job.JobRun;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs scheduled jobs once per due time across every instance sharing the database. Each job has
 * a row in {@code job_schedule}; on every tick an instance locks the row with
 * {@code FOR UPDATE SKIP LOCKED}, and only if it is due and no run of it is in progress anywhere
 * advances {@code next_due_at} and records a {@code job_run} (unique per job and due time) in the
 * same transaction, then runs the job. A run still marked running after {@link #STALE_RUN} is taken
 * for a crashed instance's. Downtime that skipped several due times gives one catch-up run, which
 * is told the last due time that succeeded.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    static final Duration STALE_RUN = Duration.ofHours(1);

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
                } catch (Throwable e) {
                    LOG.warn("Scheduler tick failed: {}", e.toString());
                }
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts every job that is due and claimed by this instance; returns how many were started. */
    public int tick() {
        int started = 0;
        for (ScheduledJob job : jobs) {
            if (!running && ticker != null) {
                break;
            }
            if (!runningHere.add(job.id())) {
                continue; // still running here
            }
            try {
                Optional<JobRun> run = claim(job);
                if (run.isPresent()) {
                    runner.execute(() -> runJob(job, run.get()));
                    started++;
                } else {
                    runningHere.remove(job.id());
                }
            } catch (RuntimeException e) { // one job's trouble must not stop the others
                runningHere.remove(job.id());
                if (!(e instanceof RejectedExecutionException)) {
                    LOG.warn("Could not claim job {}: {}", job.id(), e.toString());
                }
            }
        }
        return started;
    }

    /** Claims the job's current due time if it has come, no run is in progress and nobody else holds it. */
    Optional<JobRun> claim(ScheduledJob job) {
        return tx.inHostTransaction(t -> {
            Instant now = clock.instant();
            record Row(Instant nextDue, String status, Instant started, Instant lastOk) {
            }
            Optional<Row> row = Sql.one(t.connection(),
                    "SELECT next_due_at, last_status, last_started, last_ok_due FROM job_schedule "
                            + "WHERE job_id = ? FOR UPDATE SKIP LOCKED",
                    rs -> new Row(Sql.instant(rs, "next_due_at"), rs.getString("last_status"),
                            Sql.instant(rs, "last_started"), Sql.instant(rs, "last_ok_due")), job.id());
            if (row.isEmpty() || row.get().nextDue().isAfter(now)) {
                return Optional.<JobRun>empty();
            }
            Row r = row.get();
            if ("RUNNING".equals(r.status()) && r.started() != null && r.started().plus(STALE_RUN).isAfter(now)) {
                return Optional.<JobRun>empty(); // a run is in progress on some instance: no overlap
            }
            Sql.update(t.connection(), "UPDATE job_schedule SET next_due_at = ?, last_due_at = ?, last_started = ?, "
                            + "last_status = 'RUNNING', last_instance = ? WHERE job_id = ?",
                    job.schedule().nextAfter(now), r.nextDue(), now, instanceId, job.id());
            Sql.update(t.connection(), "INSERT INTO job_run (job_id, due_at, instance, started_at, status) "
                    + "VALUES (?, ?, ?, ?, 'RUNNING')", job.id(), r.nextDue(), instanceId, now);
            return Optional.of(new JobRun(r.nextDue(), Optional.ofNullable(r.lastOk())));
        });
    }

    private void runJob(ScheduledJob job, JobRun run) {
        String status = "OK";
        String error = null;
        try {
            job.run(run);
        } catch (Throwable e) {
            status = "FAILED";
            error = e.toString().length() > 2000 ? e.toString().substring(0, 2000) : e.toString();
            LOG.error("Job {} failed for due time {}: {}", job.id(), run.dueAt(), e.toString(), e);
        }
        String finalStatus = status;
        String finalError = error;
        try {
            tx.inHostTransaction(t -> {
                Instant now = clock.instant();
                Sql.update(t.connection(), "UPDATE job_run SET finished_at = ?, status = ?, error = ? "
                        + "WHERE job_id = ? AND due_at = ?", now, finalStatus, finalError, job.id(), run.dueAt());
                Sql.update(t.connection(), "UPDATE job_schedule SET last_finished = ?, last_status = ?, last_error = ?, "
                                + "last_ok_due = IF(? = 'OK', ?, last_ok_due) WHERE job_id = ? AND last_due_at = ?",
                        now, finalStatus, finalError, finalStatus, run.dueAt(), job.id(), run.dueAt());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of job {}: {}", job.id(), e.toString());
        } finally {
            runningHere.remove(job.id());
        }
    }

    /** Stops claiming, then waits for runs in progress (a claimed run is never dropped on the floor). */
    @Override
    public synchronized void close() {
        running = false;
        if (ticker != null) {
            ticker.interrupt();
            try {
                ticker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
