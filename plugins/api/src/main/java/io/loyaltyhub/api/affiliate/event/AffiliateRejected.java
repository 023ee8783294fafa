package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An application was rejected, with the reason. */
@EventType("affiliates.affiliate-rejected")
public record AffiliateRejected(long affiliateId, String code, String name, String status, Long telegramUserId, Long recruitedBy, String reason) implements DomainEvent {
}
