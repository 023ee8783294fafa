package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/**
 * A reward in the catalog.
 *
 * @param stock            how many are left; null for unlimited
 * @param minTier          lowest tier that may redeem it (tier code); null for everyone
 * @param perCustomerLimit how many one customer may redeem in all; null for no limit
 * @param voucherDays      how long a voucher for it stays valid
 */
public record Reward(long id, String name, String description, long pointsCost, Integer stock, long redeemed,
                     Instant validFrom, Instant validTo, String minTier, Integer perCustomerLimit, int voucherDays,
                     boolean active) {
}
