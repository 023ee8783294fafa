package io.loyaltyhub.api.affiliate.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** An affiliate got a referral link. */
@EventType("affiliates.link-created")
public record LinkCreated(long linkId, long affiliateId, String code, String campaign, String targetUrl) implements DomainEvent {
}
