package io.loyaltyhub.api.loyalty;

import java.util.List;

/**
 * The answer to a bill. {@code pointsEarned} is everything the bill earned; {@code pointsPending}
 * is the part still held for the return window (not yet spendable).
 */
public record BillResult(String billNumber, long customerId, long pointsEarned, long pointsPending,
                         List<AppliedRule> appliedRules, boolean reversed) {
}
