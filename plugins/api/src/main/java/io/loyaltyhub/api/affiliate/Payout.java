package io.loyaltyhub.api.affiliate;

import java.time.Instant;

/** A payout of approved commissions; paid once, with how. */
public record Payout(long id, long affiliateId, Money amount, PayoutStatus status, Instant requestedAt, Instant paidAt,
                     String method, String reference, String proofFile, String paidBy) {
}
