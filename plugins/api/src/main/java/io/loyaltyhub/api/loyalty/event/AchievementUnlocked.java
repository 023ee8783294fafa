package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A customer earned a badge. */
@EventType("loyalty.achievement-unlocked")
public record AchievementUnlocked(long customerId, String badge, String name) implements DomainEvent {
}
