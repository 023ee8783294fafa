package io.loyaltyhub.api.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

public record CouponBatch(long id, String name, CouponKind kind, BigDecimal value, BigDecimal minBill, int maxUses,
                          Instant validFrom, Instant validTo, String issuedTo, int codes, long uses, Instant createdAt) {
}
