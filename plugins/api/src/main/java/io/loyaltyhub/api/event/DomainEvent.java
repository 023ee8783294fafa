package io.loyaltyhub.api.event;

/**
 * Something that happened, as a record in {@code plugins/api} that publishers and listeners share (docs/adr/0013).
 * It is stored in the outbox as JSON under its {@link EventType}; listeners receive the record again, with unknown
 * fields ignored and missing ones null.
 */
public interface DomainEvent {

    /** The type name a record class is published under. */
    static String typeOf(Class<? extends DomainEvent> type) {
        EventType t = type.getAnnotation(EventType.class);
        if (t == null) {
            throw new IllegalArgumentException(type.getName() + " has no @EventType");
        }
        return t.value();
    }
}
