package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/**
 * One movement on a customer's points as they see it.
 *
 * @param points signed change of the customer's available (or pending) points
 * @param pending whether it moved pending points (a bill still in its return window)
 * @param cause   what caused it, e.g. "bill:B-1001", "voucher:7", "staff:alice"
 */
public record LedgerLine(long transferId, Instant at, MovementKind kind, long points, boolean pending,
                         String reason, String cause) {
}
