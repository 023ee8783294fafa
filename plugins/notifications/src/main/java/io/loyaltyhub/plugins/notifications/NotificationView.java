package io.loyaltyhub.plugins.notifications;

import java.time.Instant;

/**
 * One notification as the delivery log shows it.
 *
 * @param status          PENDING, DISPATCHING, QUEUED, HELD, SENT, DELIVERED, READ, FAILED, REFUSED or SKIPPED
 * @param reason          why it was refused, skipped or waits (quiet hours); the channel's error title when it failed
 * @param errorCode       the channel's error code (e.g. WhatsApp 131049), else null
 * @param templateVersion the version of the template it used
 * @param asTemplate      sent as an approved WhatsApp template (outside the 24-hour window)
 */
public record NotificationView(long id, String trigger, String recipientKind, long recipientId, String channel,
                               String userId, String language, String category, String status, String reason,
                               Long templateId, Integer templateVersion, boolean asTemplate, String text,
                               Long outboundId, String errorCode, int retries, String eventId, Instant createdAt,
                               Instant dueAt, Instant queuedAt, Instant updatedAt) {

    /** Without what only those who may read customers see: the phone number and the text (voucher codes). */
    NotificationView redacted() {
        return new NotificationView(id, trigger, recipientKind, recipientId, channel, null, language, category, status,
                reason, templateId, templateVersion, asTemplate, null, outboundId, errorCode, retries, eventId, createdAt,
                dueAt, queuedAt, updatedAt);
    }
}
