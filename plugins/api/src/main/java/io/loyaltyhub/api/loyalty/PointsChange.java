package io.loyaltyhub.api.loyalty;

/** The result of an award, deduction or reversal: what moved and what is left. */
public record PointsChange(long transferId, long points, PointsBalance balance) {
}
