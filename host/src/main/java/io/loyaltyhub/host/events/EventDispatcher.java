package io.loyaltyhub.host.events;

import io.loyaltyhub.api.event.Event;
import io.loyaltyhub.api.event.EventListener;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Delivers outbox events to listeners, at least once, applied exactly once.
 * <ol>
 * <li>Claim: pending deliveries that are due are selected {@code FOR UPDATE SKIP LOCKED} and
 * leased (their due time moved past the lease), so instances sharing the database take
 * different rows.</li>
 * <li>Apply: per delivery, one transaction locks the delivery row, inserts
 * (listener, event) into {@code applied_event}, runs the listener and marks the row done. A
 * second attempt, from a redelivery or an expired lease, finds the row done or the applied
 * record present and does nothing.</li>
 * <li>Fail: the listener's transaction rolls back; the attempt is counted and retried with
 * exponential backoff, and after the last attempt the delivery is dead (admins see and retry it).</li>
 * </ol>
 */
public final class EventDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int BATCH = 50;

    private final TransactionRunner tx;
    private final Map<String, EventListener> listeners;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration lease;
    private final Duration pollInterval;
    private volatile boolean running;
    private Thread worker;

    public EventDispatcher(TransactionRunner tx, List<EventListener> listeners, Clock clock, int maxAttempts,
                           Duration firstBackoff, Duration pollInterval) {
        this.tx = tx;
        Map<String, EventListener> byId = new HashMap<>();
        for (EventListener l : listeners) {
            if (byId.put(l.id(), l) != null) {
                throw new IllegalArgumentException("two event listeners with id " + l.id());
            }
        }
        this.listeners = Collections.unmodifiableMap(byId);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.lease = Duration.ofMinutes(2);
        this.pollInterval = pollInterval;
    }

    /** Event type to the ids of the listeners that take it, for the outbox. */
    public static Map<String, List<String>> subscriptions(List<EventListener> listeners) {
        Map<String, List<String>> byType = new HashMap<>();
        for (EventListener l : listeners) {
            for (String type : l.eventTypes()) {
                byType.computeIfAbsent(type, t -> new java.util.ArrayList<>()).add(l.id());
            }
        }
        return byType;
    }

    public synchronized void start(String name) {
        if (running || listeners.isEmpty()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                if (pollOnce() == 0) {
                    Thread.sleep(pollInterval);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) { // the thread must outlive anything a listener or the database throws
                LOG.warn("Event dispatch failed, retrying: {}", e.toString());
                sleepQuietly(pollInterval.multipliedBy(10));
            }
        }
    }

    /** Claims and applies one batch of due deliveries; returns how many were claimed. */
    public int pollOnce() {
        if (listeners.isEmpty()) {
            return 0;
        }
        List<Claimed> batch = claim();
        for (Claimed d : batch) {
            apply(d);
        }
        return batch.size();
    }

    private record Claimed(long deliveryId, String listenerId, int attempts, Event event) {
    }

    private List<Claimed> claim() {
        String in = listeners.keySet().stream().map(x -> "?").collect(Collectors.joining(","));
        return tx.inHostTransaction(t -> {
            Instant now = t.now();
            Object[] args = new Object[listeners.size() + 1];
            args[0] = now;
            int i = 1;
            for (String id : listeners.keySet()) {
                args[i++] = id;
            }
            // Lock only delivery rows (MariaDB locks every joined table's rows otherwise).
            List<long[]> locked = Sql.query(t.connection(),
                    "SELECT id, attempts FROM event_delivery WHERE status = 'PENDING' AND next_attempt_at <= ? "
                            + "AND listener_id IN (" + in + ") ORDER BY next_attempt_at, id LIMIT " + BATCH
                            + " FOR UPDATE SKIP LOCKED",
                    rs -> new long[]{rs.getLong(1), rs.getInt(2)}, args);
            if (locked.isEmpty()) {
                return List.<Claimed>of();
            }
            String ids = locked.stream().map(r -> String.valueOf(r[0])).collect(Collectors.joining(","));
            Sql.update(t.connection(), "UPDATE event_delivery SET next_attempt_at = ? WHERE id IN (" + ids + ")",
                    now.plus(lease));
            List<Claimed> rows = Sql.query(t.connection(),
                    "SELECT d.id, d.listener_id, d.attempts, e.event_id, e.event_type, e.aggregate_key, e.payload, "
                            + "e.occurred_at FROM event_delivery d JOIN outbox_event e ON e.event_id = d.event_id "
                            + "WHERE d.id IN (" + ids + ") ORDER BY d.id",
                    rs -> new Claimed(rs.getLong("id"), rs.getString("listener_id"), rs.getInt("attempts"),
                            new Event(rs.getString("event_id"), rs.getString("event_type"),
                                    rs.getString("aggregate_key"), rs.getString("payload"),
                                    Sql.instant(rs, "occurred_at"), rs.getInt("attempts") + 1)));
            return rows;
        });
    }

    private void apply(Claimed d) {
        EventListener listener = listeners.get(d.listenerId());
        try {
            tx.inHostTransaction(t -> {
                String status = Sql.one(t.connection(), "SELECT status FROM event_delivery WHERE id = ? FOR UPDATE",
                        rs -> rs.getString(1), d.deliveryId()).orElse("GONE");
                if (!status.equals("PENDING")) {
                    return null; // another instance finished it while our lease ran out
                }
                int fresh = Sql.update(t.connection(), "INSERT IGNORE INTO applied_event (listener_id, event_id, "
                        + "applied_at) VALUES (?, ?, ?)", d.listenerId(), d.event().id(), t.now());
                if (fresh == 1) {
                    listener.onEvent(d.event(), t);
                }
                Sql.update(t.connection(), "UPDATE event_delivery SET status = 'DONE', attempts = attempts + 1, "
                        + "last_error = NULL, updated_at = ? WHERE id = ?", t.now(), d.deliveryId());
                return null;
            });
        } catch (Throwable e) { // an Error from a plugin (LinkageError, StackOverflowError) is a failed attempt too
            recordFailure(d, e);
        }
    }

    private void recordFailure(Claimed d, Throwable error) {
        int attempts = d.attempts() + 1;
        boolean dead = attempts >= maxAttempts;
        String message = abbreviate(error.toString(), 2000);
        if (dead) {
            LOG.error("Listener {} gave up on event {} ({}) after {} attempts: {}", d.listenerId(), d.event().id(),
                    d.event().type(), attempts, message);
        } else {
            LOG.warn("Listener {} failed on event {} ({}), attempt {}: {}", d.listenerId(), d.event().id(),
                    d.event().type(), attempts, message);
        }
        Instant now = clock.instant();
        tx.inHostTransaction(t -> Sql.update(t.connection(), "UPDATE event_delivery SET attempts = ?, status = ?, "
                        + "last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'",
                attempts, dead ? "DEAD" : "PENDING", message, now.plus(backoff(attempts)), now, d.deliveryId()));
    }

    /** Exponential with jitter: first, 2x, 4x, ... capped at one hour. */
    Duration backoff(int attempts) {
        long base = firstBackoff.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, Duration.ofHours(1).toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
