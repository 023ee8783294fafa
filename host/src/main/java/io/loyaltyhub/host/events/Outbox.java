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
 */
public final class Outbox {
    private final HostJson json;
    private volatile Map<String, List<String>> listenersByType = Map.of();

    public Outbox(HostJson json) {
        this.json = json;
    }

    /** Which listener ids receive which event types; set when the plugins have started. */
    public void subscribe(Map<String, List<String>> listenersByType) {
        this.listenersByType = Map.copyOf(listenersByType);
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
        for (String listenerId : listenersByType.getOrDefault(type, List.of())) {
            Sql.update(c, "INSERT INTO event_delivery (event_id, listener_id, status, attempts, next_attempt_at, "
                    + "updated_at) VALUES (?, ?, 'PENDING', 0, ?, ?)", eventId, listenerId, now, now);
        }
        return eventId;
    }
}
