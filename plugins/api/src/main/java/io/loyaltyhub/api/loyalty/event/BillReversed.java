package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A bill was returned or cancelled: what it earned was taken back ({@code pointsReversed} of {@code pointsEarned}). */
@EventType("loyalty.bill-reversed")
public record BillReversed(String billNumber, long customerId, long pointsEarned, long pointsReversed, String reason) implements DomainEvent {
}
