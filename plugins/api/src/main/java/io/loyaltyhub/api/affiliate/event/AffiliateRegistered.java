package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An affiliate applied (status PENDING). */
@EventType("affiliates.affiliate-registered")
public record AffiliateRegistered(long affiliateId, String code, String name, String status, Long telegramUserId, Long recruitedBy, String reason) implements DomainEvent {
}
