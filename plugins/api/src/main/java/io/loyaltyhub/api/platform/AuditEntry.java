package io.loyaltyhub.api.platform;

import java.time.Instant;

/** One recorded change: who, what, when, and the state before and after (JSON). */
public record AuditEntry(long id, Instant at, String actor, String action, String entityType,
                         String entityId, String before, String after) {
}
