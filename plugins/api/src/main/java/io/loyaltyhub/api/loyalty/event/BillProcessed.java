package io.loyaltyhub.api.loyalty.event;

import io.loyaltyhub.api.event.DomainEvent;
import io.loyaltyhub.api.event.EventType;
import io.loyaltyhub.api.loyalty.BillLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A bill earned points (or would have: 0 points is still a processed bill); {@code lines} empty when the bill had none.
 * {@code balance}: the customer's spendable points right after the bill (0 in events written before it existed).
 * {@code historical}: posted by a backfill of past bills; nobody is told about it (false in older events).
 */
@EventType("loyalty.bill-processed")
public record BillProcessed(String billNumber, long customerId, String mobile, BigDecimal amount, String currency, long pointsEarned, long pointsPending, Instant billedAt, String storeId, String couponCode, String affiliateCode, List<BillLine> lines, long balance, boolean historical) implements DomainEvent {
}
