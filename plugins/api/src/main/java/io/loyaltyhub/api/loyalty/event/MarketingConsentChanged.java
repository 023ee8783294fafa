package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

import java.time.Instant;

/** A customer opted in to marketing messages ({@code marketing} true) or stopped them. */
@EventType("loyalty.marketing-consent-changed")
public record MarketingConsentChanged(long customerId, boolean marketing, String source, Instant at)
        implements DomainEvent {
}
