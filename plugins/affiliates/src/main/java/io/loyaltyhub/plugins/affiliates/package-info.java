/**
 * The affiliates plugin: affiliates and their approval, referral links, the {@code /r/{code}} redirect with durable
 * click tracking (group commit, docs/adr/0009), and the figures built on clicks. Tables are written with exact SQL
 * through {@link io.loyaltyhub.api.data.Tx#sql()}. Attribution of bills from the loyalty
 * plugin's events, commission plans, commissions, payouts, fraud rules and the leaderboard: docs/adr/0010
 * ({@code LoyaltyEventsListener}, {@code Commissions}, {@code Payouts}, {@code FraudChecks}).
 */
package io.loyaltyhub.plugins.affiliates;
