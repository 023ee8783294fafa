package io.loyaltyhub.api.erp;

import java.time.Instant;
import java.util.Map;

/**
 * A row that could not be posted, with the reason; it never blocks the rows after it.
 *
 * @param status OPEN, RESOLVED (a retry posted it)
 * @param row    the row's columns as read (and its lines under {@code lines})
 */
public record RejectInfo(long id, long connectorId, long runId, String rowRef, String billNumber, String reason,
                         Map<String, Object> row, String status, int attempts, Instant createdAt,
                         Instant resolvedAt) {
}
