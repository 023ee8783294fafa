package io.loyaltyhub.api.affiliate;

import java.time.Instant;

/**
 * Commission on one bill for one affiliate (the referrer, or their recruiter's multi-level share).
 *
 * @param level      1 for the affiliate who referred, 2 for the one who recruited them
 * @param holdUntil  approved automatically after this unless above the manual-approval amount or held by a fraud rule
 * @param heldBy     the fraud alert holding it, or null
 */
public record Commission(long id, long affiliateId, String billNumber, long customerId, int level, Money billAmount,
                         Money amount, CommissionStatus status, String reason, Instant createdAt, Instant holdUntil,
                         Long heldBy, Long payoutId) {
}
