package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Refund rate: of an affiliate's attributed bills in the last {@code fraud-refund-window-days} (at least
 * {@code fraud-refund-min-bills} of them), more than {@code fraud-refund-rate-max} were reversed. Holds the affiliate's
 * pending commissions by default.
 */
@Extension
public class RefundRateRule extends BuiltInFraudRules {
    public RefundRateRule(PluginContext context) {
        super(context, "refund-rate", Trigger.REFUND);
    }

    /** Whether {@code reversed} of {@code bills} is above the rate (judged only from {@code minBills} bills). */
    static boolean exceeds(long bills, long reversed, int minBills, BigDecimal maxRate) {
        return bills >= minBills && bills > 0
                && BigDecimal.valueOf(reversed).compareTo(maxRate.multiply(BigDecimal.valueOf(bills))) > 0;
    }

    @Override
    Optional<Hit> check(Trigger trigger, Map<String, String> f, Tx tx, CommissionSettings.Config c) {
        long affiliate = id(f, "affiliateId");
        Instant at = at(f, "reversedAt");
        Instant from = at.minus(Duration.ofDays(c.refundWindowDays()));
        long[] counts = tx.sql().one("SELECT COUNT(*), COALESCE(SUM(reversed_at IS NOT NULL), 0) FROM affiliate_bill "
                        + "WHERE affiliate_id = ? AND billed_at >= ? AND billed_at <= ?",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, affiliate, from, at).orElse(new long[2]);
        if (!exceeds(counts[0], counts[1], c.refundMinBills(), c.refundRateMax())) {
            return Optional.empty();
        }
        BigDecimal rate = BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_EVEN);
        return Optional.of(hit(c, true, counts[1] + " of the affiliate's " + counts[0] + " bills in "
                        + c.refundWindowDays() + " days were reversed (" + rate.movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "%)", "refunds:" + affiliate + ":" + day(at), "bills", counts[0],
                "reversed", counts[1], "rate", rate.toPlainString(), "threshold", c.refundRateMax().toPlainString(),
                "windowDays", c.refundWindowDays(), "lastBill", f.get("billNumber")));
    }
}
