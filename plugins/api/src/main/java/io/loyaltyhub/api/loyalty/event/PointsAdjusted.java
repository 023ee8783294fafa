package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** Staff or an integration awarded (positive) or deducted (negative) points. */
@EventType("loyalty.points-adjusted")
public record PointsAdjusted(long customerId, long points, String reason) implements DomainEvent {
}
