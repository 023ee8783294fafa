package io.loyaltyhub.api.loyalty;

import java.math.BigDecimal;

/** A tier: reached with {@code threshold} qualifying points; multiplies earned points. */
public record TierInfo(String code, String name, int rank, long threshold, BigDecimal multiplier, String benefits) {
}
