package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.time.Instant;

/** Points of a customer expire soon: {@code points} in all, the first at {@code firstExpiresAt}. */
@EventType("loyalty.points-expiring")
public record PointsExpiring(long customerId, long points, Instant firstExpiresAt) implements DomainEvent {
}
