package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The commission, payout and fraud settings of the affiliates plugin (added to {@link AffiliatesSettings}'s schema),
 * and their typed reading.
 */
final class CommissionSettings {
    private CommissionSettings() {
    }

    static final String TIME_ZONE = "time-zone";
    static final String DEFAULT_PLAN = "default-plan";
    static final String HOLD_DAYS = "hold-days";
    static final String MANUAL_ABOVE = "manual-approval-above";
    static final String PAYOUT_MINIMUM = "payout-minimum";
    static final String HOLD_RULES = "fraud-hold-rules";
    static final String REPEAT_MAX = "fraud-repeat-clicks-max";
    static final String REPEAT_WINDOW = "fraud-repeat-clicks-window";
    static final String BOT_MAX = "fraud-bot-visits-max";
    static final String BOT_WINDOW = "fraud-bot-visits-window";
    static final String DATACENTRE_CIDRS = "fraud-datacentre-cidrs";
    static final String BURST_MAX = "fraud-burst-clicks-max";
    static final String BURST_WINDOW = "fraud-burst-window";
    static final String NO_CLICK = "fraud-no-click-check";
    static final String REDEMPTIONS_MAX = "fraud-redemptions-max";
    static final String REDEMPTIONS_WINDOW = "fraud-redemptions-window";
    static final String DEVICE_CUSTOMERS_MAX = "fraud-device-customers-max";
    static final String REFUND_RATE_MAX = "fraud-refund-rate-max";
    static final String REFUND_MIN_BILLS = "fraud-refund-min-bills";
    static final String REFUND_WINDOW_DAYS = "fraud-refund-window-days";

    /** Short names of the built-in rules (their ids are {@code affiliates.<name>}). */
    static final List<String> RULES = List.of("self-referral", "repeated-clicks", "bot-traffic", "click-burst",
            "no-prior-click", "redemption-pattern", "refund-rate");

    /** Well-known cloud ranges as a start (AWS, Google Cloud, DigitalOcean, Hetzner, OVH); keep your own list. */
    static final String DEFAULT_DATACENTRES = "3.0.0.0/9, 34.64.0.0/10, 35.184.0.0/13, 159.65.0.0/16, 167.99.0.0/16, "
            + "88.198.0.0/16, 95.216.0.0/16, 51.68.0.0/16";

    static final List<SettingDefinition> DEFINITIONS = List.of(
            SettingDefinition.of(TIME_ZONE, SettingType.STRING, "Asia/Kolkata",
                            "Months (tiered volume, monthly caps) are counted in this zone.")
                    .label("Time zone").validatedBy(CommissionSettings::zone),
            SettingDefinition.of(DEFAULT_PLAN, SettingType.STRING, "{\"type\":\"PERCENT\",\"percent\":5}",
                            "The commission plan of affiliates without one of their own, as JSON (see the README: "
                                    + "PERCENT, FLAT, TIERED or CATEGORY, recurring limits, level-two share, caps).")
                    .label("Default commission plan").validatedBy(Plan::check),
            SettingDefinition.of(HOLD_DAYS, SettingType.INTEGER, "30",
                            "Days after the bill a commission stays pending (returns), before it is approved.")
                    .label("Hold period (days)").validatedBy(SettingValidator.range(0, 365)),
            SettingDefinition.of(MANUAL_ABOVE, SettingType.DECIMAL, "5000",
                            "Commissions above this amount are never approved automatically; 0: none is.")
                    .label("Manual approval above").validatedBy(CommissionSettings::nonNegative),
            SettingDefinition.of(PAYOUT_MINIMUM, SettingType.DECIMAL, "500",
                            "An affiliate may request a payout when the approved balance is at least this.")
                    .label("Payout minimum").validatedBy(CommissionSettings::positive),
            SettingDefinition.of(HOLD_RULES, SettingType.STRING, "self-referral, refund-rate",
                            "Fraud rules whose alerts hold commissions until a person decides, comma-separated: "
                                    + String.join(", ", RULES) + ".")
                    .label("Fraud rules that hold").validatedBy(CommissionSettings::ruleNames),
            SettingDefinition.of(REPEAT_MAX, SettingType.INTEGER, "5",
                            "Alert when one IP clicks one affiliate's links this many times within the window; 0: off.")
                    .label("Repeated clicks from one IP").validatedBy(SettingValidator.range(0, 1_000_000)),
            SettingDefinition.of(REPEAT_WINDOW, SettingType.DURATION, "1h", "The window of repeated clicks.")
                    .label("Repeated clicks window"),
            SettingDefinition.of(BOT_MAX, SettingType.INTEGER, "20",
                            "Alert when an affiliate's links get this many robot visits within the window; 0: off.")
                    .label("Robot visits").validatedBy(SettingValidator.range(0, 1_000_000)),
            SettingDefinition.of(BOT_WINDOW, SettingType.DURATION, "1h", "The window of robot visits.")
                    .label("Robot visits window"),
            SettingDefinition.of(DATACENTRE_CIDRS, SettingType.STRING, DEFAULT_DATACENTRES,
                            "Data-centre address ranges (CIDR, comma-separated): a click from one raises an alert.")
                    .label("Data-centre ranges").validatedBy(Cidrs::check),
            SettingDefinition.of(BURST_MAX, SettingType.INTEGER, "100",
                            "Alert when an affiliate's links get this many clicks within the burst window; 0: off.")
                    .label("Click burst").validatedBy(SettingValidator.range(0, 10_000_000)),
            SettingDefinition.of(BURST_WINDOW, SettingType.DURATION, "1m", "The window of a click burst.")
                    .label("Click burst window"),
            SettingDefinition.choice(NO_CLICK, "all",
                            "Alert on conversions whose affiliate had no counted click in the attribution window: for "
                                    + "every conversion, only those through a link code, or never.",
                            "all", "links", "off")
                    .label("Conversions without a click"),
            SettingDefinition.of(REDEMPTIONS_MAX, SettingType.INTEGER, "5",
                            "Alert when one customer redeems this many rewards within the window; 0: off.")
                    .label("Redemptions by one customer").validatedBy(SettingValidator.range(0, 1_000_000)),
            SettingDefinition.of(REDEMPTIONS_WINDOW, SettingType.DURATION, "1h", "The window of redemptions.")
                    .label("Redemptions window"),
            SettingDefinition.of(DEVICE_CUSTOMERS_MAX, SettingType.INTEGER, "3",
                            "Alert when one device redeems for this many customers within 30 days; 0: off.")
                    .label("Customers per device").validatedBy(SettingValidator.range(0, 1_000_000)),
            SettingDefinition.of(REFUND_RATE_MAX, SettingType.DECIMAL, "0.3",
                            "Alert when more than this share (0-1) of an affiliate's bills in the window were reversed.")
                    .label("Refund rate").validatedBy(CommissionSettings::rate),
            SettingDefinition.of(REFUND_MIN_BILLS, SettingType.INTEGER, "5",
                            "The refund rate is judged only from this many attributed bills in the window.")
                    .label("Refund rate: minimum bills").validatedBy(SettingValidator.range(1, 1_000_000)),
            SettingDefinition.of(REFUND_WINDOW_DAYS, SettingType.INTEGER, "30", "Days of bills the refund rate looks at.")
                    .label("Refund rate window (days)").validatedBy(SettingValidator.range(1, 3650)));

    /** {@code base} followed by these settings. */
    static io.loyaltyhub.api.plugin.SettingsSchema extend(io.loyaltyhub.api.plugin.SettingsSchema base) {
        List<SettingDefinition> all = new ArrayList<>(base.settings());
        all.addAll(DEFINITIONS);
        return new io.loyaltyhub.api.plugin.SettingsSchema(all);
    }

    /** The typed settings of one call. */
    record Config(ZoneId zone, Plan defaultPlan, int holdDays, BigDecimal manualAbove, BigDecimal payoutMinimum,
                  Set<String> holdRules, int repeatMax, Duration repeatWindow, int botMax, Duration botWindow,
                  Cidrs datacentres, int burstMax, Duration burstWindow, String noClick, int redemptionsMax,
                  Duration redemptionsWindow, int deviceCustomersMax, BigDecimal refundRateMax, int refundMinBills,
                  int refundWindowDays, int attributionWindowDays, boolean firstTouch, String currency) {

        boolean holds(String ruleId) {
            String name = ruleId.startsWith("affiliates.") ? ruleId.substring("affiliates.".length()) : ruleId;
            return holdRules.contains(name);
        }

        /** Whether a commission of this amount may be approved by the job (else it waits for a person). */
        boolean autoApproves(BigDecimal amount) {
            return manualAbove.signum() > 0 && amount.compareTo(manualAbove) <= 0;
        }
    }

    private record Cached(java.util.Map<String, String> values, Config config) {
    }

    private static volatile Cached cached = new Cached(java.util.Map.of(), null);

    /** The typed settings, parsed again only when a value changed (the default plan is JSON). */
    static Config from(PluginSettings s) {
        java.util.Map<String, String> values = s.asMap();
        Cached c = cached;
        if (c.config() != null && c.values().equals(values)) {
            return c.config();
        }
        Config parsed = parse(s);
        cached = new Cached(values, parsed);
        return parsed;
    }

    static Config parse(PluginSettings s) {
        AffiliatesConfig base = AffiliatesConfig.from(s);
        return new Config(ZoneId.of(s.string(TIME_ZONE).trim()), Plan.parse(s.string(DEFAULT_PLAN)),
                (int) s.number(HOLD_DAYS), s.decimal(MANUAL_ABOVE), s.decimal(PAYOUT_MINIMUM),
                names(s.string(HOLD_RULES)), (int) s.number(REPEAT_MAX), s.duration(REPEAT_WINDOW),
                (int) s.number(BOT_MAX), s.duration(BOT_WINDOW), Cidrs.cached(s.string(DATACENTRE_CIDRS)),
                (int) s.number(BURST_MAX), s.duration(BURST_WINDOW), s.string(NO_CLICK), (int) s.number(REDEMPTIONS_MAX),
                s.duration(REDEMPTIONS_WINDOW), (int) s.number(DEVICE_CUSTOMERS_MAX), s.decimal(REFUND_RATE_MAX),
                (int) s.number(REFUND_MIN_BILLS), (int) s.number(REFUND_WINDOW_DAYS), base.attributionWindowDays(),
                base.firstTouch(), base.currency());
    }

    static Set<String> names(String raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : raw.split(",")) {
            String n = p.trim().toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                out.add(n.startsWith("affiliates.") ? n.substring("affiliates.".length()) : n);
            }
        }
        return out;
    }

    private static Optional<String> ruleNames(String v) {
        List<String> unknown = new ArrayList<>();
        for (String n : names(v)) {
            if (!RULES.contains(n)) {
                unknown.add(n);
            }
        }
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of("unknown rules " + unknown + "; known: " + String.join(", ", RULES));
    }

    private static Optional<String> zone(String v) {
        try {
            ZoneId.of(v.trim());
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("must be a time zone id such as Asia/Kolkata");
        }
    }

    private static Optional<String> nonNegative(String v) {
        BigDecimal d = new BigDecimal(v.trim());
        return d.signum() < 0 || d.scale() > 2 ? Optional.of("must be an amount of 0 or more with at most 2 decimals")
                : Optional.empty();
    }

    private static Optional<String> positive(String v) {
        BigDecimal d = new BigDecimal(v.trim());
        return d.signum() <= 0 || d.scale() > 2 ? Optional.of("must be an amount above 0 with at most 2 decimals")
                : Optional.empty();
    }

    private static Optional<String> rate(String v) {
        BigDecimal d = new BigDecimal(v.trim());
        return d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0 ? Optional.of("must be a share from 0 to 1, e.g. 0.3")
                : Optional.empty();
    }
}
