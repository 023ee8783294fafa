package io.loyaltyhub.bots.whatsapp;

import io.loyaltyhub.bots.engine.InboundMessage;

import java.time.Instant;
import java.util.List;

/**
 * What one webhook POST carried: any number of messages and delivery statuses (Meta batches them).
 *
 * @param ignored reactions, system notices and deliveries for other phone numbers: counted, not answered
 */
public record WebhookDelivery(List<InboundMessage> messages, List<StatusUpdate> statuses, List<IdChange> idChanges,
                              int ignored) {

    /** A user's business-scoped id changed; {@code phone} when the notice names the number. */
    public record IdChange(String previous, String current, String phone) {
    }

    /**
     * A delivery status of a message we sent.
     *
     * @param status     sent, delivered, read or failed
     * @param errorCode  for failed: Meta's code, e.g. 131047; else null
     */
    public record StatusUpdate(String providerId, String status, Instant at, String errorCode, String errorTitle) {
    }
}
