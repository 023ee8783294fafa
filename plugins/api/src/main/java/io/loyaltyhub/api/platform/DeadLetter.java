package io.loyaltyhub.api.platform;

import java.time.Instant;

/** An event a listener gave up on after its last retry. */
public record DeadLetter(String eventId, String eventType, String listenerId, int attempts,
                         String lastError, Instant failedAt, String payload) {
}
