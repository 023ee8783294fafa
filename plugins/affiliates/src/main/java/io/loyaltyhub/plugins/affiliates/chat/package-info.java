/**
 * The affiliates' conversation (Telegram and the simulator), contributed as the
 * {@link io.loyaltyhub.api.chat.ChatFlow} {@code affiliates.affiliate}: applying from a {@code /start <invite>}
 * deep link (name, mobile, payout details), waiting for approval, and the menu of links, stats, commissions,
 * payout request, leaderboard, language and help. Every text comes from {@code chat/affiliate_en.properties}
 * and {@code chat/affiliate_hi.properties}.
 */
package io.loyaltyhub.plugins.affiliates.chat;
