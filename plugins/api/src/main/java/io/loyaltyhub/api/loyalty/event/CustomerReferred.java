package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A customer joined with another customer's refer-a-friend code. */
@EventType("loyalty.customer-referred")
public record CustomerReferred(long customerId, long referrerCustomerId, String code) implements DomainEvent {
}
