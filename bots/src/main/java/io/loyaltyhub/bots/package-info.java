/**
 * The conversation engine and its channels. {@link io.loyaltyhub.bots.Bots} is what the host
 * starts: it runs the plugins' {@link io.loyaltyhub.api.chat.ChatFlow}s over WhatsApp (and the
 * simulator), stores conversations and messages in the database, and sends through a persistent
 * queue. Nothing here knows Helidon: the host adapts HTTP to {@link io.loyaltyhub.bots.whatsapp.WhatsAppWebhook}.
 */
package io.loyaltyhub.bots;
