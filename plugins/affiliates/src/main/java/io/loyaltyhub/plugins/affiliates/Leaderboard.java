package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.plugin.PluginContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Affiliates by conversions, then revenue, in a period (ties: the older affiliate first). */
final class Leaderboard {
    private final PluginContext context;

    Leaderboard(PluginContext context) {
        this.context = context;
    }

    /** {@code from} null: the start of this month (settings' time zone); {@code to} null: now. */
    List<AffiliateStats> top(Instant from, Instant to, int limit) {
        CommissionSettings.Config c = CommissionSettings.from(context.settings());
        Instant now = context.clock().instant();
        Instant start = from == null ? Commissions.month(now, c.zone())[0] : from;
        Instant end = to == null ? now.plusSeconds(1) : to;
        if (!start.isBefore(end)) {
            throw new Rejected(Rejected.Kind.INVALID, "invalid-period", "from must be before to.");
        }
        int n = limit <= 0 ? 10 : Math.min(limit, 100);
        return context.transactions().inTransaction(tx -> {
            record Row(long affiliateId, long conversions, BigDecimal revenue) {
            }
            List<Row> rows = tx.sql().query("SELECT affiliate_id, COUNT(*), COALESCE(SUM(amount), 0) FROM affiliate_bill "
                            + "WHERE affiliate_id IS NOT NULL AND billed_at >= ? AND billed_at < ? AND reversed_at IS NULL "
                            + "AND currency = ? GROUP BY affiliate_id ORDER BY COUNT(*) DESC, SUM(amount) DESC, affiliate_id "
                            + "LIMIT " + n, rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)),
                    start, end, c.currency());
            List<AffiliateStats> out = new ArrayList<>();
            for (Row r : rows) {
                long[] clicks = ClickArchive.affiliateClicks(tx.sql(), r.affiliateId(), start, end);
                Conversions.Figures f = Conversions.of(tx.sql(), r.affiliateId(), start, end, c.currency());
                out.add(new AffiliateStats(r.affiliateId(), start, end, clicks[0], clicks[1], f.conversions(), f.revenue(),
                        f.commission()));
            }
            return out;
        });
    }
}
