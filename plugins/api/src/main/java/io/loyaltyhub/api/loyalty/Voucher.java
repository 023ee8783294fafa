package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/** A voucher issued for a redeemed reward; {@code code} is what the customer shows the cashier. */
public record Voucher(long id, String code, long customerId, long rewardId, String rewardName, long pointsCost,
                      VoucherStatus status, Instant issuedAt, Instant expiresAt, Instant usedAt, String usedAtStore) {
}
