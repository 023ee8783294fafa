package io.loyaltyhub.host.events;

import io.loyaltyhub.host.HostJson;
import io.loyaltyhub.host.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes events into the outbox inside the caller's transaction, with one delivery row per
 * listener subscribed to the event's type, so nothing is delivered unless the change commits.
 * Subscriptions live in the database: an instance where a plugin failed, or that runs an older
 * version during a rolling deploy, still queues the event for the listeners other instances have.
 */
public final class Outbox {
    private final HostJson json;

    public Outbox(HostJson json) {
        this.json = json;
    }

    /** Registers which listener ids take which event types (idempotent; called at every start). */
    public void subscribe(Connection c, Map<String, List<String>> listenersByType, Instant now) throws SQLException {
        for (Map.Entry<String, List<String>> e : listenersByType.entrySet()) {
            for (String listenerId : e.getValue()) {
                Sql.update(c, "INSERT IGNORE INTO event_subscription (event_type, listener_id, registered_at) "
                        + "VALUES (?, ?, ?)", e.getKey(), listenerId, now);
            }
        }
    }

    /** @return the new event's id */
    public String append(Connection c, String type, String key, Object payload, Instant now) throws SQLException {
        Objects.requireNonNull(type, "type");
        if (type.isBlank() || type.length() > 100) {
            throw new IllegalArgumentException("event type must be 1-100 characters: " + type);
        }
        String aggregate = key == null ? "" : key;
        if (aggregate.length() > 100) {
            throw new IllegalArgumentException("event key longer than 100 characters");
        }
        String eventId = UUID.randomUUID().toString();
        Sql.update(c, "INSERT INTO outbox_event (event_id, event_type, aggregate_key, payload, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?)", eventId, type, aggregate, json.write(payload), now);
        Sql.update(c, "INSERT INTO event_delivery (event_id, listener_id, status, attempts, next_attempt_at, updated_at) "
                + "SELECT ?, listener_id, 'PENDING', 0, ?, ? FROM event_subscription WHERE event_type = ?",
                eventId, now, now, type);
        return eventId;
    }
}
