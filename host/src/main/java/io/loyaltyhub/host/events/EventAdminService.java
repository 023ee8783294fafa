package io.loyaltyhub.host.events;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.DeadLetter;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.TransactionRunner;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

public final class EventAdminService implements EventAdmin {
    private final TransactionRunner tx;

    public EventAdminService(TransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        int n = limit <= 0 ? 100 : Math.min(limit, 1000);
        return tx.inHostTransaction(t -> Sql.query(t.connection(),
                "SELECT d.event_id, e.event_type, d.listener_id, d.attempts, d.last_error, d.updated_at, e.payload "
                        + "FROM event_delivery d JOIN outbox_event e ON e.event_id = d.event_id "
                        + "WHERE d.status = 'DEAD' ORDER BY d.updated_at DESC LIMIT " + n,
                rs -> new DeadLetter(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("listener_id"), rs.getInt("attempts"), rs.getString("last_error"),
                        Sql.instant(rs, "updated_at"), rs.getString("payload"))));
    }

    @Override
    public long deadLetterCount() {
        return tx.inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT COUNT(*) FROM event_delivery WHERE status = 'DEAD'", rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public long backlog() {
        return tx.inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT COUNT(*) FROM event_delivery WHERE status = 'PENDING'", rs -> rs.getLong(1)).orElse(0L));
    }

    @Override
    public void retry(Actor actor, String eventId, String listenerId) {
        tx.inHostTransaction(t -> {
            int changed = Sql.update(t.connection(), "UPDATE event_delivery SET status = 'PENDING', attempts = 0, "
                            + "next_attempt_at = ?, updated_at = ? WHERE event_id = ? AND listener_id = ? AND status = 'DEAD'",
                    t.now(), t.now(), eventId, listenerId);
            if (changed == 0) {
                throw new NoSuchElementException("No dead letter for event " + eventId + " and listener " + listenerId);
            }
            t.audit(actor, "event.retry", "event-delivery", eventId + "/" + listenerId,
                    Map.of("status", "DEAD"), Map.of("status", "PENDING"));
            return null;
        });
    }
}
