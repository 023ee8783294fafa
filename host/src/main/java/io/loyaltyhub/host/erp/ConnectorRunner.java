package io.loyaltyhub.host.erp;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.erp.ErpConnector;
import io.loyaltyhub.api.erp.ErpSource;
import io.loyaltyhub.api.erp.ErpSourceConfig;
import io.loyaltyhub.api.erp.ErpSourceException;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.config.Durations;
import io.loyaltyhub.host.plugins.SettingsValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs connectors when they are due: on their polling interval while running, at once when staff ask (run now,
 * backfill), and until a backfill in progress is done, also after a restart. A lease on the connector's row makes
 * one server instance run it at a time; runs of different connectors go in parallel. A failing connector waits
 * longer after each failure (up to ten minutes) and counts its failures in a row for the dashboard.
 */
final class ConnectorRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRunner.class);
    // short, so a connector whose server was killed is taken over soon; renewed between batches
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    static final Actor ACTOR = Actor.SYSTEM;

    private final Transactions tx;
    private final ConnectorStore store;
    private final ConnectorTypes types;
    private final Supplier<Optional<LoyaltyService>> loyalty;
    private final Clock clock;
    private final String owner;
    private final Map<String, String> env;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** Connectors paused while this instance runs them: the run stops after its batch. */
    private final Set<Long> stopping = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean open = true;
    /** System.nanoTime of the last sweep for abandoned runs (pacing only). */
    private long lastSweep = System.nanoTime() - LEASE.toNanos();
    private ExecutorService workers;
    private Thread loop;

    ConnectorRunner(Transactions tx, ConnectorStore store, ConnectorTypes types,
                    Supplier<Optional<LoyaltyService>> loyalty, Clock clock, String owner, Map<String, String> env) {
        this.tx = tx;
        this.store = store;
        this.types = types;
        this.loyalty = loyalty;
        this.clock = clock;
        this.owner = owner;
        this.env = env;
    }

    void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("erp-connector-", 0).factory());
        loop = Thread.ofPlatform().name("erp-connectors").daemon().start(this::loop);
    }

    /** Something was asked for: look now rather than at the next tick. */
    void wake() {
        wake.release();
    }

    boolean isRunning(long connectorId) {
        return running.contains(connectorId);
    }

    /** Staff paused the connector: a run of it here stops after the batch in hand. */
    void stop(long connectorId) {
        if (running.contains(connectorId)) {
            stopping.add(connectorId);
        }
    }

    private void loop() {
        while (open) {
            try {
                Instant now = clock.instant();
                if (System.nanoTime() - lastSweep >= LEASE.toNanos()) { // runs go stale no faster than their lease
                    tx.run(t -> {
                        store.failAbandoned(t.sql(), now.minus(LEASE), now);
                        return null;
                    });
                    lastSweep = System.nanoTime();
                }
                for (long id : tx.inTransaction(t -> store.due(t.sql(), now))) {
                    if (running.add(id)) {
                        if (tx.inTransaction(t -> store.lease(t.sql(), id, owner, LEASE, now))) {
                            workers.submit(() -> runOne(id));
                        } else {
                            running.remove(id);
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("ERP connectors: could not look for due connectors: {}", e.toString());
            }
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runOne(long id) {
        try {
            ConnectorStore.Stored c = tx.inTransaction(t -> store.find(t.sql(), id)).orElseThrow();
            boolean backfill = c.backfillCursor() != null;
            stopping.remove(id);
            if (c.requested() != null) {
                tx.run(t -> {
                    store.takeRunRequest(t.sql(), id);
                    return null;
                });
            }
            runNow(c, backfill, c.requested() != null);
        } catch (RuntimeException e) {
            LOG.warn("ERP connector {}: the run could not start: {}", id, e.toString());
        } finally {
            try {
                tx.run(t -> {
                    store.release(t.sql(), id, owner);
                    return null;
                });
            } finally {
                running.remove(id);
            }
        }
    }

    private void runNow(ConnectorStore.Stored c, boolean backfill, boolean requested) {
        Instant started = clock.instant();
        Map<String, String> settings = types.find(c.type()).map(t -> SettingsValidation.effective(t.settings(), c.settings()))
                .orElse(c.settings());
        Duration interval = Durations.parse(settings.getOrDefault("poll-interval", "PT30S"));
        int batchSize = (int) Math.max(1, Math.min(10_000, Long.parseLong(settings.getOrDefault("batch-size",
                "500"))));
        long runId = 0;
        boolean ok = false;
        String error = null;
        try (ErpSource source = open(c)) {
            long expected = expected(source, backfill ? c.backfillCursor() : c.cursor());
            runId = tx.inTransaction(t -> store.startRun(t.sql(), c.id(), backfill ? "BACKFILL" : "POLL", expected,
                    t.now()));
            LoyaltyService service = loyalty.get().orElseThrow(() -> new ErpSourceException(
                    io.loyaltyhub.api.erp.ErpProblem.OTHER, "the loyalty plugin is not started: bills cannot be posted"));
            ConnectorStore.Counts counts = new ConnectorRun(tx, store, clock).run(c, source,
                    new BatchPoster(service, ACTOR), runId, backfill, batchSize, () -> keepGoing(c.id(), requested));
            if (backfill && open && !stopped(c.id())) {
                tx.run(t -> {
                    store.backfillDone(t.sql(), c.id(), t.now());
                    return null;
                });
            }
            ok = true;
            LOG.info("ERP connector {}: {} run read {} rows: {} posted, {} already there, {} rejected, {} reversals",
                    c.name(), backfill ? "backfill" : "poll", counts.rowsRead(), counts.posted(), counts.duplicates(),
                    counts.rejected(), counts.reversals());
        } catch (ErpSourceException e) {
            error = e.problem().summary() + ": " + e.getMessage();
            LOG.warn("ERP connector {}: {}", c.name(), error);
        } catch (RuntimeException e) {
            error = "the run stopped: " + e;
            LOG.warn("ERP connector {}: the run stopped", c.name(), e);
        }
        boolean succeeded = ok;
        String why = error;
        long run = runId;
        int failures = succeeded ? 0 : c.consecutiveFailures() + 1;
        Duration wait = succeeded ? interval : backoff(interval, failures);
        tx.run(t -> {
            if (run != 0) {
                store.finishRun(t.sql(), run, succeeded, why, t.now());
            } else if (why != null) { // failed before the run could be written: keep the reason in the log
                long failed = store.startRun(t.sql(), c.id(), backfill ? "BACKFILL" : "POLL", -1, t.now());
                store.finishRun(t.sql(), failed, false, why, t.now());
            }
            store.afterRun(t.sql(), c.id(), succeeded, started.plus(wait), t.now());
            return null;
        });
    }

    private ErpSource open(ConnectorStore.Stored c) throws ErpSourceException {
        ErpConnector type = types.find(c.type()).orElseThrow(() -> new ErpSourceException(
                io.loyaltyhub.api.erp.ErpProblem.SETTINGS, "the connector type '" + c.type()
                + "' is not available: its plugin is not started"));
        return type.open(new ErpSourceConfig(c.id(), SettingsValidation.effective(type.settings(), c.settings()), c.mapping(), env));
    }

    private static long expected(ErpSource source, String cursor) {
        try {
            return source.remaining(cursor);
        } catch (ErpSourceException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Between batches: go on unless the server is stopping, the lease is lost, or the connector was paused (a run
     * staff asked for while it was paused goes on until it is paused again).
     */
    private boolean keepGoing(long id, boolean requested) {
        if (!open || stopping.contains(id)) {
            return false;
        }
        return tx.inTransaction(t -> store.lease(t.sql(), id, owner, LEASE, t.now())
                && (requested || store.find(t.sql(), id).map(ConnectorStore.Stored::running).orElse(false)));
    }

    private boolean stopped(long id) {
        return stopping.contains(id);
    }

    static Duration backoff(Duration interval, int failures) {
        long factor = 1L << Math.min(failures, 6);
        Duration d = interval.multipliedBy(factor);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    @Override
    public void close() {
        open = false;
        if (loop != null) {
            loop.interrupt();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
