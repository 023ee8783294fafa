package io.loyaltyhub.api.chat.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

import java.time.Instant;

/**
 * A channel reported that a user stopped or resumed marketing messages: WhatsApp's {@code user_preferences}
 * webhook, or error 131050 on a send. {@code userId} is the channel's user id (E.164 on WhatsApp).
 *
 * @param source e.g. {@code whatsapp:user_preferences} or {@code whatsapp:131050}
 */
@EventType("chat.marketing-preference-changed")
public record MarketingPreferenceChanged(String channel, String userId, boolean marketing, String source, Instant at)
        implements DomainEvent {
}
