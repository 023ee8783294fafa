/**
 * The customers' conversation (WhatsApp and the simulator), contributed as the
 * {@link io.loyaltyhub.api.chat.ChatFlow} {@code loyalty.customer}: joining with consent, and a menu of
 * points and tier, rewards and vouchers, history, kids, refer a friend, language, help and stop/start.
 * Every text comes from {@code chat/customer_en.properties} and {@code chat/customer_hi.properties}.
 */
package io.loyaltyhub.plugins.loyalty.chat;
