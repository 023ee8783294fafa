package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/** A reward to create ({@code id} null) or change. Null optional fields mean "none". */
public record RewardDraft(Long id, String name, String description, Long pointsCost, Integer stock,
                          Instant validFrom, Instant validTo, String minTier, Integer perCustomerLimit,
                          Integer voucherDays, Boolean active) {
}
