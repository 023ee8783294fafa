package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An affiliate's details changed. */
@EventType("affiliates.affiliate-updated")
public record AffiliateUpdated(long affiliateId, String code, String name, String status, Long telegramUserId, Long recruitedBy, String reason) implements DomainEvent {
}
