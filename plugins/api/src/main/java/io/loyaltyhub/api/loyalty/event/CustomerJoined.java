package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;

/** A customer joined (REST, chat, a bill that enrolled them); {@code referralCode}: the code they joined with, a friend's or an affiliate's.
 * {@code historical}: enrolled by a backfill of past bills; not welcomed (false in older events). */
@EventType("loyalty.customer-joined")
public record CustomerJoined(long customerId, String mobile, String name, String language, String consentSource, long signUpBonus, Long referrerCustomerId, String referralCode, boolean historical) implements DomainEvent {
}
