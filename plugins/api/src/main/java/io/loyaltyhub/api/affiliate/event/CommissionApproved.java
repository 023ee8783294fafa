package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import java.math.BigDecimal;

/** A commission was approved. */
@EventType("affiliates.commission-approved")
public record CommissionApproved(long commissionId, long affiliateId, String billNumber, int level, BigDecimal amount, String currency, String approvedBy, Long telegramUserId) implements DomainEvent {
}
