/**
 * The conversation engine and its channels: WhatsApp (Cloud API over OkHttp) for customers,
 * Telegram for affiliates, and a simulator. Conversations are contributed by plugins as
 * {@code ChatFlow} extensions and rendered per channel; state lives in the database. Built by the
 * chat issues; this module is the place they go.
 */
package io.loyaltyhub.bots;
