package io.loyaltyhub.api.loyalty;

public enum CouponKind { PERCENT, FIXED }
