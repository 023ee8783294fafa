package io.loyaltyhub.api.platform;

import java.time.Instant;

/** Filters for the audit log; null means "any". */
public record AuditQuery(String actor, String entityType, Instant from, Instant to, int limit) {
    public AuditQuery {
        limit = limit <= 0 ? 200 : Math.min(limit, 5000);
    }
}
