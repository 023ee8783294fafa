package io.loyaltyhub.plugins.notifications;

import java.util.Map;

/**
 * A notification an event calls for, before it is composed: who gets it, and the values the event knows.
 *
 * @param recipientId customer or affiliate id
 * @param userId      the channel's user id when the event knows it (an affiliate's Telegram id), else null
 * @param dedupKey    the same key twice writes one notification (events are delivered at least once)
 */
record NotificationIntent(Trigger trigger, long recipientId, String userId, Map<String, String> variables,
                          String storeId, String dedupKey) {
    NotificationIntent {
        variables = Map.copyOf(variables);
    }
}
