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
                              List<TemplateUpdate> templateUpdates, List<PreferenceUpdate> preferences, int ignored) {

    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty() && idChanges.isEmpty() && templateUpdates.isEmpty()
                && preferences.isEmpty();
    }

    /**
     * {@code message_template_status_update}: a template's status changed.
     *
     * @param event  APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, ... (Meta's {@code event})
     * @param reason Meta's reason ({@code NONE} on approval)
     */
    public record TemplateUpdate(String name, String language, String event, String reason, String category) {
    }

    /**
     * {@code user_preferences}: a user stopped ({@code marketing} false) or resumed marketing messages.
     *
     * @param userId E.164
     */
    public record PreferenceUpdate(String userId, boolean marketing, Instant at) {
    }

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
