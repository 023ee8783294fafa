package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.math.BigDecimal;

/** A payout of the approved balance was requested. */
@EventType("affiliates.payout-requested")
public record PayoutRequested(long payoutId, long affiliateId, BigDecimal amount, String currency, Long telegramUserId) implements DomainEvent {
}
