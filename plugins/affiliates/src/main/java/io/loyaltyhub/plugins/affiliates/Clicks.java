package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.GroupCommit;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.data.Tx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Records visits of {@code /r/{code}} in group commits. The writer resolves the batch's codes, inserts every visit and
 * moves the visitors' first and last touch in one transaction, and answers each visit with its link, so a click costs
 * no database round trip of its own and is durable when its caller hears back.
 */
final class Clicks {
    static final long HOUR = 3600;

    /** One request of /r/{code}, with everything known before the database is asked. */
    record Visit(String visitKey, String code, boolean head, Instant at, String visitorId, boolean newVisitor,
                 String ip, String userAgent, UserAgents.Device device, String referrer, GeoIp.Place place) {
    }

    /** The link a code names; {@code approved}: its affiliate is approved (only then do clicks count). */
    record Link(long id, long affiliateId, String affiliateCode, boolean approved, String target, String utmSource,
                String utmMedium, String utmCampaign) {
    }

    /** What a visit turned out to be: the link (null: an orphan) and whether it counted as a click. */
    record Outcome(Link link, boolean counted) {
    }

    private final GroupCommit<Visit, Outcome> writer;

    Clicks(Transactions transactions) {
        this.writer = transactions.groupCommit("affiliates-clicks", 500, 20_000, Clicks::write);
    }

    CompletableFuture<Outcome> record(Visit visit) {
        return writer.submit(visit);
    }

    /** A click: a GET of a known link of an approved affiliate by something that is not a robot. */
    static boolean counts(Visit v, Link link) {
        return link != null && link.approved() && !v.head() && !v.device().bot();
    }

    /** Unique clicks are distinct (link, visitor, hour bucket): one per visitor per link per clock hour (UTC). */
    static long hourBucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), HOUR);
    }

    static List<Outcome> write(Tx tx, List<Visit> visits) {
        SqlRunner sql = tx.sql();
        Map<String, Link> links = resolve(sql, visits);
        List<Outcome> outcomes = new ArrayList<>(visits.size());
        for (Visit v : visits) {
            Link link = links.get(v.code());
            outcomes.add(new Outcome(link, counts(v, link)));
        }
        insertClicks(sql, visits, outcomes);
        touchVisitors(sql, visits, outcomes);
        return outcomes;
    }

    private static Map<String, Link> resolve(SqlRunner sql, List<Visit> visits) {
        Set<String> codes = new LinkedHashSet<>();
        for (Visit v : visits) {
            if (isLinkCode(v.code())) {
                codes.add(v.code());
            }
        }
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, Link> out = new HashMap<>();
        String marks = String.join(",", Collections.nCopies(codes.size(), "?"));
        sql.query("SELECT l.code, l.id, l.affiliate_id, a.code, a.status, l.target_url, l.utm_source, l.utm_medium, "
                        + "l.utm_campaign FROM affiliate_link l JOIN affiliate a ON a.id = l.affiliate_id "
                        + "WHERE l.code IN (" + marks + ")",
                rs -> Map.entry(rs.getString(1), new Link(rs.getLong(2), rs.getLong(3), rs.getString(4),
                        "APPROVED".equals(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9))), codes.toArray()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static boolean isLinkCode(String code) {
        return code != null && code.matches("[A-Z0-9]{4,20}");
    }

    private static final String INSERT = "INSERT IGNORE INTO affiliate_click (visit_key, link_id, affiliate_id, code, "
            + "method, clicked_at, hour_bucket, visitor_id, new_visitor, ip, user_agent, device_type, os, browser, bot, "
            + "referrer, country, region, city, counted) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ROWS_PER_STATEMENT = 250;

    /** INSERT IGNORE on visit_key: a batch run again (retried transaction, items tried alone) adds nothing twice. */
    private static void insertClicks(SqlRunner sql, List<Visit> visits, List<Outcome> outcomes) {
        for (int from = 0; from < visits.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(visits.size(), from + ROWS_PER_STATEMENT);
            StringBuilder s = new StringBuilder(INSERT);
            List<Object> args = new ArrayList<>((to - from) * 20);
            for (int i = from; i < to; i++) {
                Visit v = visits.get(i);
                Outcome o = outcomes.get(i);
                s.append(i == from ? "" : ", ").append(ROW);
                args.add(v.visitKey());
                args.add(o.link() == null ? null : o.link().id());
                args.add(o.link() == null ? null : o.link().affiliateId());
                args.add(v.code());
                args.add(v.head() ? "HEAD" : "GET");
                args.add(v.at());
                args.add(hourBucket(v.at()));
                args.add(v.visitorId());
                args.add(v.newVisitor());
                args.add(v.ip());
                args.add(v.userAgent());
                args.add(v.device().type());
                args.add(v.device().os());
                args.add(v.device().browser());
                args.add(v.device().bot());
                args.add(v.referrer());
                args.add(v.place().country());
                args.add(v.place().region());
                args.add(v.place().city());
                args.add(o.counted());
            }
            sql.update(s.toString(), args.toArray());
        }
    }

    /**
     * First and last counted click of each visitor (for first- or last-touch attribution). Rows are written in
     * visitor id order so concurrent writers (several instances) lock them in the same order.
     */
    private static void touchVisitors(SqlRunner sql, List<Visit> visits, List<Outcome> outcomes) {
        record Touch(Instant first, Link firstLink, Instant last, Link lastLink) {
        }
        Map<String, Touch> touches = new LinkedHashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            if (!outcomes.get(i).counted()) {
                continue;
            }
            Visit v = visits.get(i);
            Link l = outcomes.get(i).link();
            touches.merge(v.visitorId(), new Touch(v.at(), l, v.at(), l),
                    (a, b) -> new Touch(a.first(), a.firstLink(), b.last(), b.lastLink()));
        }
        if (touches.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(touches.keySet());
        Collections.sort(ids);
        StringBuilder s = new StringBuilder("INSERT INTO affiliate_visitor (id, first_seen_at, last_seen_at, "
                + "first_link_id, first_affiliate_id, last_link_id, last_affiliate_id) VALUES ");
        List<Object> args = new ArrayList<>(ids.size() * 7);
        for (String id : ids) {
            Touch t = touches.get(id);
            s.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
            args.add(id);
            args.add(t.first());
            args.add(t.last());
            args.add(t.firstLink().id());
            args.add(t.firstLink().affiliateId());
            args.add(t.lastLink().id());
            args.add(t.lastLink().affiliateId());
        }
        s.append(" ON DUPLICATE KEY UPDATE last_link_id = IF(VALUES(last_seen_at) >= last_seen_at, VALUES(last_link_id), last_link_id), "
                + "last_affiliate_id = IF(VALUES(last_seen_at) >= last_seen_at, VALUES(last_affiliate_id), last_affiliate_id), "
                + "last_seen_at = GREATEST(last_seen_at, VALUES(last_seen_at))");
        sql.update(s.toString(), args.toArray());
    }
}
