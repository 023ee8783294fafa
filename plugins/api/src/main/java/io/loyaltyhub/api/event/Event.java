package io.loyaltyhub.api.event;

import java.time.Instant;

/**
 * An event as delivered to a listener.
 *
 * @param id         unique id; the host records (listener, id) with the listener's effect
 * @param type       e.g. {@code stores.store-created}
 * @param key        the aggregate it is about
 * @param payload    JSON text; decode with {@link io.loyaltyhub.api.plugin.JsonCodec}
 * @param occurredAt when the change committed
 * @param attempt    1 on first delivery to this listener, more on retries
 */
public record Event(String id, String type, String key, String payload, Instant occurredAt, int attempt) {
}
