/**
 * The loyalty plugin: customers, the points ledger, bills and their reversal, earning rules, tiers.
 * Ledger tables are written with exact SQL through {@link io.loyaltyhub.api.data.Tx#sql()}: every
 * movement of one customer's points locks that customer's row, debits are conditional updates, and
 * every transfer has an idempotency key (docs/adr/0007).
 */
package io.loyaltyhub.plugins.loyalty;
