package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** Points of a customer expired. */
@EventType("loyalty.points-expired")
public record PointsExpired(long customerId, long points) implements DomainEvent {
}
