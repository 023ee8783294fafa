package io.loyaltyhub.api.store.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A store's details changed. */
@EventType("stores.store-changed")
public record StoreChanged(long id, String code, String name, String city, String timeZone, boolean active) implements DomainEvent {
}
