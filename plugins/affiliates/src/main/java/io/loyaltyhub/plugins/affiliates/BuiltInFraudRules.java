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
        return check(trigger, facts, tx, CommissionSettings.from(context.settings()));
    }

    abstract Optional<Hit> check(Trigger trigger, Map<String, String> facts, Tx tx, CommissionSettings.Config c);

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
