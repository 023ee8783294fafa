package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.SqlRunner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Click figures over the rows still kept and the days already aggregated ({@code affiliate_click_day}), so a
 * period's clicks are the same before and after retention ran. An aggregated day counts whole when it overlaps
 * the period (only periods reaching back past the retention are affected).
 */
final class ClickArchive {
    private ClickArchive() {
    }

    /** Counted and unique clicks of an affiliate in {@code [from, to)}. */
    static long[] affiliateClicks(SqlRunner sql, long affiliateId, Instant from, Instant to) {
        long[] kept = sql.one("SELECT COUNT(*), COUNT(DISTINCT link_id, visitor_id, hour_bucket) FROM affiliate_click "
                        + "WHERE affiliate_id = ? AND counted AND clicked_at >= ? AND clicked_at < ?",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, affiliateId, from, to).orElse(new long[2]);
        long[] archived = sql.one("SELECT COALESCE(SUM(clicks), 0), COALESCE(SUM(uniq), 0) FROM affiliate_click_day "
                        + "WHERE affiliate_id = ? AND day >= ? AND day < ?",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, affiliateId, day(from), dayAfter(to)).orElse(new long[2]);
        return new long[]{kept[0] + archived[0], kept[1] + archived[1]};
    }

    /** Counted clicks of one link (or, with {@code linkId} null, of all the affiliate's links) in {@code [from, to]}. */
    static long countedClicks(SqlRunner sql, Long linkId, long affiliateId, Instant from, Instant to) {
        String who = linkId != null ? "link_id = ?" : "affiliate_id = ?";
        Object id = linkId != null ? linkId : affiliateId;
        long kept = sql.one("SELECT COUNT(*) FROM affiliate_click WHERE " + who + " AND counted AND clicked_at >= ? "
                + "AND clicked_at <= ?", rs -> rs.getLong(1), id, from, to).orElse(0L);
        long archived = sql.one("SELECT COALESCE(SUM(clicks), 0) FROM affiliate_click_day WHERE " + who
                + " AND day >= ? AND day < ?", rs -> rs.getLong(1), id, day(from), dayAfter(to)).orElse(0L);
        return kept + archived;
    }

    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static LocalDate dayAfter(Instant t) {
        return day(t).plusDays(1);
    }
}
