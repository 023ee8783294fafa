package io.loyaltyhub.api.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Promo codes to create: one given {@code code}, or {@code count} generated ones starting with
 * {@code prefix}.
 *
 * @param maxUses      uses of each code in all (1 for single-use codes)
 * @param issuedTo     mobile number the codes are for, or null for anyone
 */
public record CouponBatchDraft(String name, String code, String prefix, Integer count, CouponKind kind,
                               BigDecimal value, BigDecimal minBill, Integer maxUses, Instant validFrom,
                               Instant validTo, String issuedTo) {
}
