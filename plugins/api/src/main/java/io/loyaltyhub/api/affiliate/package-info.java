/**
 * Affiliates and referrals: affiliates and their links, click tracking, attribution of bills,
 * commissions and payouts, fraud rules. The {@code affiliates} plugin implements
 * {@link io.loyaltyhub.api.affiliate.AffiliateService}; any plugin may add
 * {@link io.loyaltyhub.api.affiliate.FraudRule}s. Money is {@link io.loyaltyhub.api.affiliate.Money}
 * (BigDecimal with a currency), never a double.
 */
package io.loyaltyhub.api.affiliate;
