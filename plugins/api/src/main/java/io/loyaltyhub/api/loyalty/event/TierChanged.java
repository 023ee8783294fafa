package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/**
 * A customer moved tier ({@code from} null on the first assignment); {@code upgrade}: moved up from a tier they had
 * (false for downgrades, first assignments and events written before the field existed).
 */
@EventType("loyalty.tier-changed")
public record TierChanged(long customerId, String from, String to, String reason, boolean upgrade) implements DomainEvent {
}
