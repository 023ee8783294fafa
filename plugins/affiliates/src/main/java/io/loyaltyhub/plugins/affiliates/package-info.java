/**
 * The affiliates plugin: affiliates and their approval, referral links, the {@code /r/{code}} redirect with durable
 * click tracking (group commit, docs/adr/0009), and the figures built on clicks. Tables are written with exact SQL
 * through {@link io.loyaltyhub.api.data.Tx#sql()}. Commissions, payouts, fraud alerts and the leaderboard are a
 * later slice ({@code CommissionsPart}).
 */
package io.loyaltyhub.plugins.affiliates;
