package io.loyaltyhub.api.loyalty;

import java.time.Instant;
import java.util.List;

/**
 * A customer as others see them.
 *
 * @param mobile        E.164
 * @param consentSource where consent was given: "whatsapp", "pos", "admin", "api"
 * @param marketingAt   when the customer opted in to marketing messages (offers), a consent separate from being
 *                      messaged at all; null when they have not, or stopped them (STOP OFFERS)
 */
public record Customer(long id, String mobile, String name, Birthday birthday, String language,
                       CustomerStatus status, String tier, Instant consentAt, String consentSource,
                       Instant joinedAt, List<Kid> kids, Instant marketingAt) {

    /** Whether marketing messages may go to this customer (they must also be {@link CustomerStatus#ACTIVE}). */
    public boolean marketing() {
        return marketingAt != null;
    }
}
