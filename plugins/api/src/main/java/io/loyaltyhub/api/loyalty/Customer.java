package io.loyaltyhub.api.loyalty;

import java.time.Instant;
import java.util.List;

/**
 * A customer as others see them.
 *
 * @param mobile        E.164
 * @param consentSource where consent was given: "whatsapp", "pos", "admin", "api"
 */
public record Customer(long id, String mobile, String name, Birthday birthday, String language,
                       CustomerStatus status, String tier, Instant consentAt, String consentSource,
                       Instant joinedAt, List<Kid> kids) {
}
