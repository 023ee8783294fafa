package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An affiliate was approved (or reinstated). */
@EventType("affiliates.affiliate-approved")
public record AffiliateApproved(long affiliateId, String code, String name, String status, Long telegramUserId, Long recruitedBy, String reason) implements DomainEvent {
}
