package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.event.FraudAlertRaised;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.affiliate.FraudRule;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.loyaltyhub.api.common.Rejected.Kind.CONFLICT;
import static io.loyaltyhub.api.common.Rejected.Kind.NOT_FOUND;

/**
 * Runs the fraud rules ({@link FraudRule} extensions of every plugin, the built-in ones in this package among them)
 * when something happens, turns hits into alerts with their evidence, holds what holding hits say, and applies a
 * person's decision. Clicks are checked by {@link ClickFraudJob} from the click table, off the redirect's path.
 * <p>
 * A holding hit on a CONVERSION holds that bill's commissions; on another trigger (REFUND, CLICK, REDEMPTION) it holds
 * every pending commission of the affiliate, and new ones while the alert is open. Confirmed fraud rejects what the
 * alert holds; a false alarm releases it (it is then approved like any other).
 */
final class FraudChecks {
    private static final Logger LOG = LoggerFactory.getLogger(FraudChecks.class);
    static final Duration CLICK_LAG = Duration.ofSeconds(30);
    static final int CLICK_BATCH = 5000;
    /** A run stops after this long and leaves the rest to the next (every minute). */
    private static final Duration SCAN_BUDGET = Duration.ofSeconds(50);
    private static final String COLUMNS = "id, rule, affiliate_id, customer_id, subject, summary, evidence, holding, "
            + "raised_at, resolved_at, resolved_by, confirmed";

    private final PluginContext context;
    private volatile List<FraudRule> builtIns;

    FraudChecks(PluginContext context) {
        this.context = context;
    }

    /** Every plugin's fraud rules (this plugin's built-in ones among them), once per id. */
    List<FraudRule> rules() {
        Map<String, FraudRule> byId = new LinkedHashMap<>();
        context.extensions(FraudRule.class).forEach(r -> byId.putIfAbsent(r.id(), r));
        if (byId.isEmpty()) { // no host around (unit tests): the built-in rules
            List<FraudRule> own = builtIns;
            if (own == null) {
                own = BuiltInFraudRules.all(context);
                builtIns = own;
            }
            own.forEach(r -> byId.putIfAbsent(r.id(), r));
        }
        return List.copyOf(byId.values());
    }

    /**
     * Runs the rules that check {@code trigger} inside the caller's transaction and raises an alert for each hit
     * (once per rule and dedup key). Returns the new holding alerts of a CONVERSION (the caller holds the bill's
     * commissions); holding alerts of other triggers hold the affiliate's pending commissions here.
     */
    List<Long> run(Tx tx, CommissionSettings.Config c, FraudRule.Trigger trigger, String subject, Map<String, String> facts) {
        List<Long> holding = new ArrayList<>();
        for (FraudRule rule : rules()) {
            if (!rule.checks(trigger)) {
                continue;
            }
            Optional<FraudRule.Hit> hit;
            try {
                hit = rule.check(trigger, subject, Map.copyOf(facts), tx);
            } catch (RuntimeException e) { // one broken rule must not stop bills or the other rules
                LOG.warn("Fraud rule {} failed on {}: {}", rule.id(), subject, e.toString());
                continue;
            }
            if (hit.isEmpty()) {
                continue;
            }
            long id = raise(tx, rule.id(), trigger, subject, facts, hit.get());
            if (id == 0 || !hit.get().hold()) {
                continue;
            }
            if (trigger == FraudRule.Trigger.CONVERSION) {
                holding.add(id);
            } else {
                holdAffiliate(tx, id, facts.get("affiliateId"));
            }
        }
        return holding;
    }

    /** Inserts the alert unless this rule already raised one with the same dedup key; returns its id, else 0. */
    private long raise(Tx tx, String rule, FraudRule.Trigger trigger, String subject, Map<String, String> facts,
                       FraudRule.Hit hit) {
        Map<String, String> evidence = new TreeMap<>(hit.evidence() == null ? Map.of() : hit.evidence());
        String dedup = evidence.getOrDefault("dedupKey", subject);
        Long affiliateId = number(facts.get("affiliateId"));
        Long customerId = number(facts.get("customerId"));
        String summary = cut(hit.summary() == null ? rule : hit.summary(), 500);
        long id = tx.sql().insert("INSERT IGNORE INTO affiliate_fraud_alert (rule, trigger_kind, dedup_key, affiliate_id, "
                        + "customer_id, subject, summary, evidence, holding, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cut(rule, 100), trigger, cut(dedup, 200), affiliateId, customerId, cut(subject, 100), summary,
                context.json().write(evidence), hit.hold(), tx.now());
        if (id > 0) {
            tx.publish(new FraudAlertRaised(id, rule, trigger.name(), subject, summary, hit.hold(), affiliateId),
                    affiliateId == null ? subject : String.valueOf(affiliateId));
        }
        return id;
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** An open alert that holds all of the affiliate's pending commissions (not a single bill's), if any. */
    static Optional<Long> openAffiliateHold(SqlRunner sql, long affiliateId) {
        return sql.one("SELECT id FROM affiliate_fraud_alert WHERE affiliate_id = ? AND resolved_at IS NULL AND holding "
                + "AND trigger_kind <> 'CONVERSION' ORDER BY id LIMIT 1", rs -> rs.getLong(1), affiliateId);
    }

    /**
     * Records an IP address or device (visitor id) as the affiliate's own, for the self-referral rule: call it when a
     * request is known to come from the affiliate (e.g. a web sign-up or their own dashboard).
     */
    static void affiliateSeen(SqlRunner sql, long affiliateId, String ip, String visitorId, Instant at) {
        if (ip != null && !ip.isBlank()) {
            sql.update("INSERT INTO affiliate_fingerprint (affiliate_id, kind, value, seen_at) VALUES (?, 'IP', ?, ?) "
                    + "ON DUPLICATE KEY UPDATE seen_at = GREATEST(seen_at, VALUES(seen_at))", affiliateId, cut(ip, 64), at);
        }
        if (visitorId != null && !visitorId.isBlank()) {
            sql.update("INSERT INTO affiliate_fingerprint (affiliate_id, kind, value, seen_at) VALUES (?, 'DEVICE', ?, ?) "
                    + "ON DUPLICATE KEY UPDATE seen_at = GREATEST(seen_at, VALUES(seen_at))", affiliateId,
                    cut(visitorId, 64), at);
        }
    }

    // ---- clicks -----------------------------------------------------------------------------------

    /**
     * Checks the clicks recorded since the last scan (at least {@link #CLICK_LAG} old, so a batch still committing is
     * not skipped), in batches, each with the cursor it advances, until caught up or {@link #SCAN_BUDGET} has passed
     * (the next run goes on from the cursor). Returns how many clicks were checked.
     */
    int scanClicks() {
        CommissionSettings.Config c = CommissionSettings.from(context.settings());
        long started = System.nanoTime();
        int checked = 0;
        while (true) {
            int[] done = context.transactions().inTransaction(tx -> scanBatch(tx, c));
            checked += done[0];
            if (done[1] == 0) {
                break; // caught up
            }
            if (System.nanoTime() - started > SCAN_BUDGET.toNanos()) {
                LOG.info("Click fraud scan: {} clicks checked in {} s, more to go in the next run", checked,
                        SCAN_BUDGET.toSeconds());
                break;
            }
        }
        if (checked >= CLICK_BATCH) {
            LOG.info("Click fraud scan: {} clicks checked in {} ms", checked, (System.nanoTime() - started) / 1_000_000);
        }
        return checked;
    }

    /** One batch: {checked, 1 if there may be more}. Each rule looks at the whole batch at once. */
    private int[] scanBatch(Tx tx, CommissionSettings.Config c) {
        SqlRunner sql = tx.sql();
        long last = sql.one("SELECT last_id FROM affiliate_fraud_cursor WHERE name = 'clicks' FOR UPDATE",
                rs -> rs.getLong(1)).orElse(0L);
        Instant until = tx.now().minus(CLICK_LAG);
        List<Map<String, String>> clicks = sql.query("SELECT id, link_id, affiliate_id, ip, visitor_id, user_agent, "
                + "device_type, bot, counted, method, clicked_at FROM affiliate_click WHERE id > ? ORDER BY id LIMIT "
                + CLICK_BATCH, FraudChecks::clickFacts, last);
        List<Map<String, String>> due = new ArrayList<>();
        for (Map<String, String> click : clicks) {
            if (Instant.parse(click.get("clickedAt")).isAfter(until)) {
                break; // too recent: an older click of another writer may still be committing
            }
            due.add(click);
        }
        if (due.isEmpty()) {
            return new int[]{0, 0};
        }
        List<Map<String, String>> ofAffiliates = due.stream().filter(f -> f.get("affiliateId") != null).toList();
        if (!ofAffiliates.isEmpty()) {
            for (FraudRule rule : rules()) {
                if (rule.checks(FraudRule.Trigger.CLICK)) {
                    runOnClicks(tx, c, rule, ofAffiliates);
                }
            }
        }
        long upTo = Long.parseLong(due.getLast().get("clickId"));
        sql.update("UPDATE affiliate_fraud_cursor SET last_id = ? WHERE name = 'clicks'", upTo);
        return new int[]{due.size(), due.size() == CLICK_BATCH ? 1 : 0};
    }

    /** One rule over a batch of clicks: an alert per hit (once per dedup key), holding where the rule says. */
    private void runOnClicks(Tx tx, CommissionSettings.Config c, FraudRule rule, List<Map<String, String>> clicks) {
        List<FraudRule.ClickHit> hits;
        try {
            hits = rule.checkClicks(clicks, tx);
        } catch (RuntimeException e) { // one broken rule must not stop the others
            LOG.warn("Fraud rule {} failed on clicks {}..{}: {}", rule.id(), clicks.getFirst().get("clickId"),
                    clicks.getLast().get("clickId"), e.toString());
            return;
        }
        for (FraudRule.ClickHit h : hits) {
            long id = raise(tx, rule.id(), FraudRule.Trigger.CLICK, "click:" + h.click().get("clickId"), h.click(), h.hit());
            if (id != 0 && h.hit().hold()) {
                holdAffiliate(tx, id, h.click().get("affiliateId"));
            }
        }
    }

    /** A holding alert not about one bill holds every pending commission of the affiliate (if any is named). */
    private static void holdAffiliate(Tx tx, long alertId, String affiliateId) {
        if (affiliateId != null) {
            tx.sql().update("UPDATE affiliate_commission SET held_by = ? WHERE affiliate_id = ? AND status = 'PENDING' "
                    + "AND held_by IS NULL", alertId, Long.parseLong(affiliateId));
        }
    }

    private static Map<String, String> clickFacts(ResultSet rs) throws SQLException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("clickId", String.valueOf(rs.getLong("id")));
        put(f, "linkId", rs.getObject("link_id"));
        put(f, "affiliateId", rs.getObject("affiliate_id"));
        put(f, "ip", rs.getString("ip"));
        put(f, "visitorId", rs.getString("visitor_id"));
        put(f, "userAgent", rs.getString("user_agent"));
        put(f, "deviceType", rs.getString("device_type"));
        f.put("bot", String.valueOf(rs.getBoolean("bot")));
        f.put("counted", String.valueOf(rs.getBoolean("counted")));
        put(f, "method", rs.getString("method"));
        f.put("clickedAt", SqlRunner.instant(rs, "clicked_at").toString());
        return f;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, String.valueOf(value));
        }
    }

    // ---- alerts -----------------------------------------------------------------------------------

    private FraudAlert alert(ResultSet rs) throws SQLException {
        Map<String, String> evidence = new TreeMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = context.json().read(rs.getString("evidence"), Map.class);
        raw.forEach((k, v) -> evidence.put(k, v == null ? null : String.valueOf(v)));
        return new FraudAlert(rs.getLong("id"), rs.getString("rule"), rs.getObject("affiliate_id", Long.class),
                rs.getObject("customer_id", Long.class), rs.getString("subject"), rs.getString("summary"), evidence,
                rs.getBoolean("holding"), SqlRunner.instant(rs, "raised_at"), SqlRunner.instant(rs, "resolved_at"),
                rs.getString("resolved_by"), rs.getObject("confirmed", Boolean.class));
    }

    List<FraudAlert> alerts(boolean openOnly, int limit) {
        int n = limit <= 0 ? 50 : Math.min(limit, 1000);
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT " + COLUMNS + " FROM affiliate_fraud_alert"
                + (openOnly ? " WHERE resolved_at IS NULL" : "") + " ORDER BY id DESC LIMIT " + n, this::alert));
    }

    Optional<FraudAlert> find(long id) {
        return context.transactions().inTransaction(tx -> tx.sql().one("SELECT " + COLUMNS
                + " FROM affiliate_fraud_alert WHERE id = ?", this::alert, id));
    }

    /** Confirmed: what the alert holds is rejected. Else: released. An alert is decided once. */
    FraudAlert resolve(Actor actor, long alertId, boolean confirmed, String note) {
        String text = AffiliateServiceImpl.optionalText(note, "note", 500, "invalid-note");
        return context.transactions().inTransaction(tx -> {
            SqlRunner sql = tx.sql();
            FraudAlert before = sql.one("SELECT " + COLUMNS + " FROM affiliate_fraud_alert WHERE id = ?", this::alert,
                    alertId).orElseThrow(() -> new Rejected(NOT_FOUND, "unknown-alert", "No fraud alert "
                    + alertId + "."));
            // affiliates before the alert row, like everything that moves their commissions
            Commissions.lock(sql, sql.query("SELECT DISTINCT affiliate_id FROM affiliate_commission WHERE held_by = ?",
                    rs -> rs.getLong(1), alertId));
            boolean open = sql.one("SELECT resolved_at IS NULL FROM affiliate_fraud_alert WHERE id = ? FOR UPDATE",
                    rs -> rs.getBoolean(1), alertId).orElse(false);
            if (!open) {
                throw new Rejected(CONFLICT, "alert-resolved", "Fraud alert " + alertId + " was already resolved"
                        + (before.resolvedBy() == null ? "" : " by " + before.resolvedBy()) + ".");
            }
            Instant now = tx.now();
            if (confirmed) {
                sql.update("UPDATE affiliate_commission SET status = 'REJECTED', reason = ?, decided_at = ?, decided_by = ? "
                                + "WHERE held_by = ? AND status = 'PENDING'", cut("fraud confirmed (alert " + alertId + ", "
                                + before.rule() + ")" + (text == null ? "" : ": " + text), 500), now,
                        Commissions.label(actor), alertId);
            } else {
                sql.update("UPDATE affiliate_commission SET held_by = NULL WHERE held_by = ? AND status = 'PENDING'", alertId);
            }
            sql.update("UPDATE affiliate_fraud_alert SET resolved_at = ?, resolved_by = ?, confirmed = ?, note = ? "
                    + "WHERE id = ?", now, Commissions.label(actor), confirmed, text, alertId);
            FraudAlert after = sql.one("SELECT " + COLUMNS + " FROM affiliate_fraud_alert WHERE id = ?", this::alert,
                    alertId).orElseThrow();
            if (actor != null && actor.kind() != Actor.Kind.SYSTEM) {
                tx.audit(actor, "fraud-alert.resolve", "affiliate-fraud-alert", String.valueOf(alertId), before, after);
            }
            return after;
        });
    }
}
