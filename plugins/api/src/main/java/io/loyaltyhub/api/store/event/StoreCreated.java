package io.loyaltyhub.api.store.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A store was set up. */
@EventType("stores.store-created")
public record StoreCreated(long id, String code, String name, String city, String timeZone, boolean active) implements DomainEvent {
}
