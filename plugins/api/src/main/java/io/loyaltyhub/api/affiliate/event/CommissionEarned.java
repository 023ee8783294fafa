package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** An attributed bill earned a commission (pending until {@code holdUntil}). */
@EventType("affiliates.commission-earned")
public record CommissionEarned(long commissionId, long affiliateId, String billNumber, int level, BigDecimal amount, String currency, Instant holdUntil, Long telegramUserId) implements DomainEvent {
}
