package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An approved affiliate was suspended, with the reason. */
@EventType("affiliates.affiliate-suspended")
public record AffiliateSuspended(long affiliateId, String code, String name, String status, Long telegramUserId, Long recruitedBy, String reason) implements DomainEvent {
}
