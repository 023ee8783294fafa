package io.loyaltyhub.api.data;

import io.loyaltyhub.api.platform.Actor;
import jakarta.persistence.EntityManager;

/** One open database transaction. Everything done through it commits or rolls back together. */
public interface Tx {

    EntityManager em();

    /** SQL on this transaction's connection (the same one {@link #em()} uses). */
    SqlRunner sql();

    /** When this transaction started, by the server's clock. */
    java.time.Instant now();

    /**
     * Records an event in the outbox; it is delivered to listeners only if this transaction commits.
     *
     * @param type    stable event type, e.g. {@code stores.store-created}
     * @param key     the aggregate it is about, for tracing, e.g. a store id. Delivery order
     *                across events is not guaranteed: listeners must not depend on it
     * @param payload any JSON-encodable value
     */
    void publish(String type, String key, Object payload);

    /**
     * Publishes an event record under its {@link io.loyaltyhub.api.event.EventType}, in this transaction (it is
     * delivered only if the transaction commits). {@code key} groups events of one thing (e.g. a customer id).
     */
    default void publish(io.loyaltyhub.api.event.DomainEvent event, String key) {
        publish(io.loyaltyhub.api.event.DomainEvent.typeOf(event.getClass()), key, event);
    }

    /**
     * Writes an audit entry for a change made by staff or an API key, in this transaction.
     *
     * @param before the state before (null for a creation), JSON-encoded
     * @param after  the state after (null for a deletion), JSON-encoded
     */
    void audit(Actor actor, String action, String entityType, String entityId, Object before, Object after);
}
