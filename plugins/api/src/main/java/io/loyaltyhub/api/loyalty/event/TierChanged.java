package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A customer moved tier ({@code from} null on the first assignment). */
@EventType("loyalty.tier-changed")
public record TierChanged(long customerId, String from, String to, String reason) implements DomainEvent {
}
