package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.time.Instant;

/** A customer gave ({@code consent} true) or withdrew consent to be messaged. */
@EventType("loyalty.consent-changed")
public record ConsentChanged(long customerId, boolean consent, String source, Instant at) implements DomainEvent {
}
