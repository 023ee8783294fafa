package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/** An achievement a customer unlocked, e.g. FIRST_PURCHASE, VISITS_5, REFERRALS_3, TIER_GOLD. */
public record Badge(String code, String name, Instant unlockedAt) {
}
