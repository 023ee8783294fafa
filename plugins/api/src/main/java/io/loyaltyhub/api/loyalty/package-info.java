/**
 * Loyalty: customers and their kids, the points ledger (double entry, lots with expiry, pending
 * points), bills and their reversal, earning rules and tiers. {@link io.loyaltyhub.api.loyalty.LoyaltyService}
 * is what the REST API, the admin UI, the chat bots and other plugins call.
 */
package io.loyaltyhub.api.loyalty;
