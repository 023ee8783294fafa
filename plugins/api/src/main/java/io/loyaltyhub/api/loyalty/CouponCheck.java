package io.loyaltyhub.api.loyalty;

import java.math.BigDecimal;

/**
 * Whether a code may be used on a bill now, and the discount it gives.
 *
 * @param reason when not valid: unknown-coupon, coupon-expired, coupon-not-started, coupon-used-up,
 *               below-minimum-bill, not-your-coupon
 */
public record CouponCheck(String code, boolean valid, String reason, BigDecimal discount, CouponKind kind,
                          BigDecimal value) {
}
