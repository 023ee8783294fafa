package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/**
 * @param available      spendable now
 * @param pending        earned but still in the return window
 * @param expiringSoon   of {@code available}, what expires before {@code expiringBy}
 * @param lifetimeEarned every point ever earned (reversals subtracted)
 */
public record PointsBalance(long customerId, long available, long pending, long expiringSoon, Instant expiringBy,
                            long lifetimeEarned, String tier) {
}
