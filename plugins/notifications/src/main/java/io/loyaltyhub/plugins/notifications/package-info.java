/**
 * The notifications plugin: events (a bill, a redemption, expiring points, an approved commission, ...) turned into
 * WhatsApp messages to customers and Telegram messages to affiliates, from versioned templates per language, within
 * consent, quiet hours and the marketing cap, through the channels' outbound queue.
 */
package io.loyaltyhub.plugins.notifications;
