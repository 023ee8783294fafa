package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.FraudRule;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The base of the fraud rules this plugin ships (each an {@link org.pf4j.Extension} of its own): id
 * {@code affiliates.<name>}, the triggers it checks, its thresholds from the settings, and whether its hits hold
 * ({@code fraud-hold-rules}).
 */
abstract class BuiltInFraudRules implements FraudRule {
    private final PluginContext context;
    private final String name;
    private final Set<Trigger> triggers;

    BuiltInFraudRules(PluginContext context, String name, Trigger... triggers) {
        this.context = context;
        this.name = name;
        this.triggers = Set.of(triggers);
    }

    /** The built-in rules, for when the host does not hand them over. */
    static List<FraudRule> all(PluginContext context) {
        return List.of(new SelfReferralRule(context), new RepeatedClicksRule(context), new BotTrafficRule(context),
                new ClickBurstRule(context), new NoPriorClickRule(context), new RedemptionPatternRule(context),
                new RefundRateRule(context));
    }

    @Override
    public final String id() {
        return "affiliates." + name;
    }

    @Override
    public final boolean checks(Trigger trigger) {
        return triggers.contains(trigger);
    }

    @Override
    public final Optional<Hit> check(Trigger trigger, String subject, Map<String, String> facts, Tx tx) {
        if (trigger == Trigger.CLICK) { // one way to judge clicks: the batch one, with a batch of one
            return checkClicks(List.of(facts), tx).stream().map(ClickHit::hit).findFirst();
        }
        return check(trigger, facts, tx, CommissionSettings.from(context.settings()));
    }

    @Override
    public final List<ClickHit> checkClicks(List<Map<String, String>> clicks, Tx tx) {
        if (!checks(Trigger.CLICK)) {
            return List.of();
        }
        List<Map<String, String>> ofAffiliates = clicks.stream().filter(f -> f.get("affiliateId") != null).toList();
        return ofAffiliates.isEmpty() ? List.of() : checkClicks(ofAffiliates, tx, CommissionSettings.from(context.settings()));
    }

    /** A non-CLICK trigger. Rules without one answer nothing. */
    Optional<Hit> check(Trigger trigger, Map<String, String> facts, Tx tx, CommissionSettings.Config c) {
        return Optional.empty();
    }

    /** Clicks of affiliates, in the order they were recorded, for rules that check CLICK. */
    List<ClickHit> checkClicks(List<Map<String, String>> clicks, Tx tx, CommissionSettings.Config c) {
        return List.of();
    }

    /** The clicks of affiliates {@code groups} (affiliate ids) with {@code condition}, for a {@link ClickWindows}. */
    static List<ClickWindows.Row> clicksOfAffiliates(io.loyaltyhub.api.data.SqlRunner sql, String condition,
                                                     java.util.Set<String> groups, Instant from, Instant to) {
        List<Object> args = new java.util.ArrayList<>(groups.stream().map(Long::parseLong).toList());
        args.add(from);
        args.add(to);
        return sql.query("SELECT affiliate_id, clicked_at, ip FROM affiliate_click WHERE " + condition
                        + " AND affiliate_id IN (" + ClickWindows.marks(groups.size()) + ") AND clicked_at > ? AND clicked_at <= ?",
                rs -> new ClickWindows.Row(String.valueOf(rs.getLong(1)), io.loyaltyhub.api.data.SqlRunner.instant(rs,
                        "clicked_at"), rs.getString(3)), args.toArray());
    }

    /** A hit whose evidence includes the dedup key (the same finding is raised once). */
    Hit hit(CommissionSettings.Config c, boolean mayHold, String summary, String dedupKey, Object... evidence) {
        Map<String, String> e = new TreeMap<>();
        for (int i = 0; i + 1 < evidence.length; i += 2) {
            if (evidence[i + 1] != null) {
                e.put(String.valueOf(evidence[i]), String.valueOf(evidence[i + 1]));
            }
        }
        e.put("dedupKey", dedupKey);
        return new Hit(summary, e, mayHold && c.holds(id()));
    }

    static long id(Map<String, String> facts, String key) {
        return Long.parseLong(facts.get(key));
    }

    static Instant at(Map<String, String> facts, String key) {
        return Instant.parse(facts.get(key));
    }

    /** The window a time falls in, for dedup keys: one alert per window. */
    static long bucket(Instant at, Duration window) {
        return Math.floorDiv(at.toEpochMilli(), Math.max(1, window.toMillis()));
    }

    static String day(Instant at) {
        return at.toString().substring(0, 10);
    }
}
