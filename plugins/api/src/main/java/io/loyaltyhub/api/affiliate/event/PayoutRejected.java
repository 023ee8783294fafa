package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.math.BigDecimal;

/** A requested payout was refused; its commissions are back in the balance. */
@EventType("affiliates.payout-rejected")
public record PayoutRejected(long payoutId, long affiliateId, BigDecimal amount, String currency, Long telegramUserId, String reason) implements DomainEvent {
}
