package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.data.SqlRunner;

import java.time.Instant;

/**
 * An affiliate's conversions, revenue and commission over a period, for {@code stats}. The commissions slice fills
 * this in from its tables (attributed bills and their commissions); until then every affiliate has none.
 */
final class Conversions {
    private Conversions() {
    }

    /**
     * @param revenue    attributed bills' amounts
     * @param commission commission earned: pending, approved and paid (not rejected or reversed)
     */
    record Figures(long conversions, Money revenue, Money commission) {
    }

    /** In [{@code from}, {@code to}), inside the caller's transaction. */
    static Figures of(SqlRunner sql, long affiliateId, Instant from, Instant to, String currency) {
        return new Figures(0, Money.zero(currency), Money.zero(currency));
    }
}
