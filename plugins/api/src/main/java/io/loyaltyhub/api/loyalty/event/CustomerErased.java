package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A customer's personal data was erased on request (the ledger stays). */
@EventType("loyalty.customer-erased")
public record CustomerErased(long customerId, String reason) implements DomainEvent {
}
