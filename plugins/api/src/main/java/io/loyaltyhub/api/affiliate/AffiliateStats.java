package io.loyaltyhub.api.affiliate;

import java.time.Instant;

/**
 * An affiliate's figures over [{@code from}, {@code to}).
 *
 * @param revenue    attributed bills' amounts
 * @param commission all commission earned (pending, approved and paid; not rejected or reversed)
 */
public record AffiliateStats(long affiliateId, Instant from, Instant to, long clicks, long uniqueClicks,
                             long conversions, Money revenue, Money commission) {
}
