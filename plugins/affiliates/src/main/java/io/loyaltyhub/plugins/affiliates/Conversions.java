package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.data.SqlRunner;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An affiliate's conversions, revenue and commission over a period, for {@code stats} and the leaderboard: bills
 * attributed to the affiliate (level 1) by bill time, returned ones left out, and the commission earned on bills of the
 * period at every level (pending, approved and paid; not rejected or reversed).
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
        Object[] bills = sql.one("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM affiliate_bill WHERE affiliate_id = ? "
                        + "AND billed_at >= ? AND billed_at < ? AND reversed_at IS NULL AND currency = ?",
                rs -> new Object[]{rs.getLong(1), rs.getBigDecimal(2)}, affiliateId, from, to, currency)
                .orElse(new Object[]{0L, BigDecimal.ZERO});
        BigDecimal commission = sql.one("SELECT COALESCE(SUM(amount), 0) FROM affiliate_commission WHERE affiliate_id = ? "
                        + "AND billed_at >= ? AND billed_at < ? AND status IN ('PENDING', 'APPROVED', 'PAID') AND currency = ?",
                rs -> rs.getBigDecimal(1), affiliateId, from, to, currency).orElse(BigDecimal.ZERO);
        return new Figures((Long) bills[0], new Money((BigDecimal) bills[1], currency), new Money(commission, currency));
    }
}
