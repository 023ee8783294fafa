package io.loyaltyhub.api.affiliate;

/** PENDING (hold period) -> APPROVED -> PAID; or REJECTED; REVERSED when the bill is reversed. */
public enum CommissionStatus { PENDING, APPROVED, PAID, REJECTED, REVERSED }
