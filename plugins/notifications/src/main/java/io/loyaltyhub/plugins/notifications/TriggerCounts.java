package io.loyaltyhub.plugins.notifications;

/**
 * What became of one trigger's notifications over a period.
 *
 * @param sent      accepted by the channel (sent, delivered or read)
 * @param heldBack  held back by WhatsApp (131049), waiting for their one more try or failed after it
 * @param refused   not sent: no consent, no approved template outside the window, cap reached, ...
 * @param waiting   not yet sent: pending (quiet hours too) or queued
 */
public record TriggerCounts(String trigger, long total, long sent, long delivered, long read, long failed,
                            long heldBack, long refused, long waiting) {
}
