package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.SqlRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which affiliate a bill belongs to. The rules (also in the README):
 * <ul>
 * <li>A <b>touch</b> is a moment a customer met an approved affiliate: they joined with the affiliate's code or one of
 * its link codes ({@code JOIN}, at the join), or a bill carried such a code as its affiliate code or coupon code
 * ({@code BILL}, at the bill's time).</li>
 * <li>A bill that carries an approved affiliate's code is attributed to that affiliate, whatever else happened.</li>
 * <li>Otherwise the bill is attributed to one of the customer's touches that <b>covers</b> it: billed from one hour
 * before the touch (a purchase rung up just before joining at the counter) to {@code attribution-window-days} after.
 * With several, {@code first-touch} takes the earliest, {@code last-touch} the latest. Touches of affiliates that
 * are no longer approved do not count.</li>
 * <li>Events may come in any order: a touch recorded after its customer's bills attributes those it covers that are
 * not attributed yet. A bill is attributed once; a later touch never moves it.</li>
 * </ul>
 */
final class Attribution {
    static final Duration BEFORE_TOUCH = Duration.ofHours(1);

    private Attribution() {
    }

    record Touch(long id, long affiliateId, Long linkId, String source, String code, Instant at) {
    }

    /** An approved affiliate (and link, when the code was a link's) that a code names. */
    record Target(long affiliateId, Long linkId, String code) {
    }

    /** Whether a touch at {@code touchedAt} covers a bill billed at {@code billedAt}. */
    static boolean covers(Instant touchedAt, Instant billedAt, int windowDays) {
        return !billedAt.isBefore(touchedAt.minus(BEFORE_TOUCH))
                && billedAt.isBefore(touchedAt.plus(Duration.ofDays(windowDays)));
    }

    /** The touch a bill is attributed to among the customer's (approved affiliates') touches. */
    static Optional<Touch> choose(List<Touch> touches, Instant billedAt, int windowDays, boolean firstTouch) {
        Comparator<Touch> order = Comparator.comparing(Touch::at).thenComparingLong(Touch::id);
        var covering = touches.stream().filter(t -> covers(t.at(), billedAt, windowDays));
        return firstTouch ? covering.min(order) : covering.max(order);
    }

    // ---- database ---------------------------------------------------------------------------------

    static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        return c.isEmpty() || c.length() > 64 ? null : c;
    }

    /** The approved affiliate a code names: an affiliate code, or a link code (then with the link). */
    static Optional<Target> resolve(SqlRunner sql, String rawCode) {
        String code = normalise(rawCode);
        if (code == null) {
            return Optional.empty();
        }
        Optional<Target> affiliate = sql.one("SELECT id FROM affiliate WHERE code = ? AND status = 'APPROVED'",
                rs -> new Target(rs.getLong(1), null, code), code);
        if (affiliate.isPresent()) {
            return affiliate;
        }
        return sql.one("SELECT l.id, l.affiliate_id FROM affiliate_link l JOIN affiliate a ON a.id = l.affiliate_id "
                + "WHERE l.code = ? AND a.status = 'APPROVED'", rs -> new Target(rs.getLong(2), rs.getLong(1), code), code);
    }

    /** Records a touch once (per customer, source and ref); returns it. */
    static Touch record(SqlRunner sql, long customerId, Target target, String source, String ref, Instant at) {
        sql.update("INSERT IGNORE INTO affiliate_touch (customer_id, affiliate_id, link_id, source, ref, code, touched_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", customerId, target.affiliateId(), target.linkId(), source, ref,
                target.code(), at);
        return sql.one("SELECT id, affiliate_id, link_id, source, code, touched_at FROM affiliate_touch "
                + "WHERE customer_id = ? AND source = ? AND ref = ?", Attribution::touch, customerId, source, ref).orElseThrow();
    }

    /** The customer's touches of affiliates that are approved now. */
    static List<Touch> touches(SqlRunner sql, long customerId) {
        return sql.query("SELECT t.id, t.affiliate_id, t.link_id, t.source, t.code, t.touched_at FROM affiliate_touch t "
                + "JOIN affiliate a ON a.id = t.affiliate_id WHERE t.customer_id = ? AND a.status = 'APPROVED'",
                Attribution::touch, customerId);
    }

    static Optional<Touch> touch(SqlRunner sql, long touchId) {
        return sql.one("SELECT id, affiliate_id, link_id, source, code, touched_at FROM affiliate_touch WHERE id = ?",
                Attribution::touch, touchId);
    }

    private static Touch touch(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Touch(rs.getLong("id"), rs.getLong("affiliate_id"), rs.getObject("link_id", Long.class),
                rs.getString("source"), rs.getString("code"), SqlRunner.instant(rs, "touched_at"));
    }

    /** When the customer first met the affiliate (the referral, for recurring months). */
    static Instant referredAt(SqlRunner sql, long customerId, long affiliateId, Instant fallback) {
        return sql.one("SELECT touched_at FROM affiliate_touch WHERE customer_id = ? AND affiliate_id = ? "
                + "ORDER BY touched_at LIMIT 1", rs -> SqlRunner.instant(rs, "touched_at"), customerId, affiliateId)
                .orElse(fallback);
    }
}
