package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.ReferralLink;
import io.loyaltyhub.api.data.SqlRunner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Affiliate and link rows. */
final class Affiliates {
    private Affiliates() {
    }

    static final String COLUMNS = "id, code, name, mobile, email, telegram_user_id, status, status_reason, payout_details, "
            + "plan_id, recruited_by, created_at, approved_at";

    static Optional<Affiliate> byId(SqlRunner sql, long id, boolean lock) {
        return sql.one("SELECT " + COLUMNS + " FROM affiliate WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                Affiliates::affiliate, id);
    }

    static Affiliate existing(SqlRunner sql, long id, boolean lock) {
        return byId(sql, id, lock).orElseThrow(() -> unknown(id));
    }

    static Rejected unknown(long id) {
        return new Rejected(Rejected.Kind.NOT_FOUND, "unknown-affiliate", "No affiliate " + id + ".");
    }

    static Rejected invalid(String code, String field, String message) {
        return new Rejected(Rejected.Kind.INVALID, code, field + " " + message, Map.of(field, message));
    }

    static Affiliate affiliate(ResultSet rs) throws SQLException {
        return new Affiliate(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("mobile"),
                rs.getString("email"), rs.getObject("telegram_user_id", Long.class),
                AffiliateStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("payout_details"), rs.getObject("plan_id", Long.class), rs.getObject("recruited_by", Long.class),
                SqlRunner.instant(rs, "created_at"), SqlRunner.instant(rs, "approved_at"));
    }

    /** A link with its counted and unique clicks (all time). */
    static final String LINK_QUERY = "SELECT l.id, l.affiliate_id, l.code, l.campaign, l.target_url, l.utm_source, "
            + "l.utm_medium, l.utm_campaign, l.created_at, COALESCE(c.clicks, 0) + COALESCE(d.clicks, 0) AS clicks, "
            + "COALESCE(c.uniq, 0) + COALESCE(d.uniq, 0) AS uniq "
            + "FROM affiliate_link l LEFT JOIN (SELECT link_id, COUNT(*) AS clicks, "
            + "COUNT(DISTINCT visitor_id, hour_bucket) AS uniq FROM affiliate_click WHERE affiliate_id = ? AND counted "
            + "GROUP BY link_id) c ON c.link_id = l.id "
            + "LEFT JOIN (SELECT link_id, SUM(clicks) AS clicks, SUM(uniq) AS uniq FROM affiliate_click_day "
            + "WHERE affiliate_id = ? GROUP BY link_id) d ON d.link_id = l.id ";

    static ReferralLink link(ResultSet rs, String publicBaseUrl) throws SQLException {
        String code = rs.getString("code");
        return new ReferralLink(rs.getLong("id"), rs.getLong("affiliate_id"), code, rs.getString("campaign"),
                rs.getString("target_url"), rs.getString("utm_source"), rs.getString("utm_medium"),
                rs.getString("utm_campaign"), linkUrl(publicBaseUrl, code), rs.getLong("clicks"), rs.getLong("uniq"),
                SqlRunner.instant(rs, "created_at"));
    }

    static String linkUrl(String publicBaseUrl, String code) {
        return publicBaseUrl + "/r/" + code;
    }
}
