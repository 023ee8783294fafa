package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.math.BigDecimal;

/** A payout was paid. */
@EventType("affiliates.payout-paid")
public record PayoutPaid(long payoutId, long affiliateId, BigDecimal amount, String currency, Long telegramUserId, String method, String reference) implements DomainEvent {
}
