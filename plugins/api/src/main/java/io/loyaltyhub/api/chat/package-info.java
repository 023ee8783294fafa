/**
 * Conversations, channel-neutral. Plugins contribute {@link io.loyaltyhub.api.chat.ChatFlow}s; the
 * engine in {@code bots/} runs them over WhatsApp, Telegram or the simulator, keeps each
 * conversation's state in the database, and renders {@link io.loyaltyhub.api.chat.Reply}s within
 * each channel's limits. Texts come from the flow's message bundles ({@link io.loyaltyhub.api.chat.Texts}).
 */
package io.loyaltyhub.api.chat;
