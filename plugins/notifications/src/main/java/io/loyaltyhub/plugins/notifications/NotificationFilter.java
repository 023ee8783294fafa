package io.loyaltyhub.plugins.notifications;

import java.time.Instant;

/**
 * What the delivery log shows: every field optional (null: any).
 *
 * @param to       exclusive
 * @param beforeId the next page: notifications older than this one
 */
public record NotificationFilter(String trigger, String status, String channel, Long customerId, Instant from,
                                 Instant to, Long beforeId, int limit) {
    public NotificationFilter {
        limit = Math.max(1, Math.min(limit, 500));
    }

    public static NotificationFilter latest(int limit) {
        return new NotificationFilter(null, null, null, null, null, null, null, limit);
    }
}
