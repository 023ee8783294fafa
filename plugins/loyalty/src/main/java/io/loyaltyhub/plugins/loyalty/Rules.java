package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.common.Rejected;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.plugin.JsonCodec;

import java.util.List;
import java.util.Map;

/** Earning rules as stored in loyalty_rule, cached for {@link #CACHE} (a change here clears it). */
final class Rules {
    static final java.time.Duration CACHE = java.time.Duration.ofSeconds(2);
    private static volatile List<RuleDef> cached;
    private static volatile long loadedAt;

    private Rules() {
    }

    /** The rules, at most {@link #CACHE} old: other instances' edits arrive within that. */
    static List<RuleDef> current(SqlRunner sql, JsonCodec json) {
        List<RuleDef> c = cached;
        if (c != null && System.nanoTime() - loadedAt < CACHE.toNanos()) {
            return c;
        }
        List<RuleDef> fresh = load(sql, json);
        cached = fresh;
        loadedAt = System.nanoTime();
        return fresh;
    }

    static void changed() {
        cached = null;
    }

    @SuppressWarnings("unchecked")
    static List<RuleDef> load(SqlRunner sql, JsonCodec json) {
        return sql.query("SELECT id, name, rule_type, active, params, valid_from, valid_to FROM loyalty_rule ORDER BY id",
                rs -> new RuleDef(rs.getLong(1), rs.getString(2), RuleDef.Type.valueOf(rs.getString(3)), rs.getBoolean(4),
                        (Map<String, Object>) json.read(rs.getString(5), Map.class),
                        SqlRunner.instant(rs, "valid_from"), SqlRunner.instant(rs, "valid_to")));
    }

    /** Checks a rule's name, type and the params its type needs; refuses with a message per field. */
    static RuleDef check(io.loyaltyhub.api.loyalty.EarningRule rule) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        String name = rule.name() == null ? "" : rule.name().trim();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("name", "is required, at most 120 characters");
        }
        RuleDef.Type type = null;
        try {
            type = RuleDef.Type.valueOf(rule.type() == null ? "" : rule.type().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("type", "one of " + java.util.Arrays.toString(RuleDef.Type.values()));
        }
        Map<String, Object> params = rule.params() == null ? Map.of() : rule.params();
        if (type != null) {
            List<String> needed = switch (type) {
                case BASE_RATE -> List.of("pointsPerUnit");
                case CATEGORY_MULTIPLIER -> List.of("category", "multiplier");
                case SKU_MULTIPLIER -> List.of("sku", "multiplier");
                case CAMPAIGN -> List.of();
                case BILL_CAP, DAILY_CAP -> List.of("maxPoints");
                case BONUS -> List.of("event", "points");
            };
            for (String k : needed) {
                if (params.get(k) == null || params.get(k).toString().isBlank()) {
                    errors.put("params." + k, "is required for " + type);
                }
            }
            Map<String, java.math.BigDecimal> maxima = Map.of("pointsPerUnit", java.math.BigDecimal.valueOf(100),
                    "minimumBill", java.math.BigDecimal.valueOf(100_000_000), "multiplier", java.math.BigDecimal.valueOf(100),
                    "maxPoints", java.math.BigDecimal.valueOf(100_000_000), "points", java.math.BigDecimal.valueOf(1_000_000),
                    "bonusPoints", java.math.BigDecimal.valueOf(1_000_000));
            List<String> whole = List.of("maxPoints", "points", "bonusPoints");
            for (Map.Entry<String, java.math.BigDecimal> m : maxima.entrySet()) {
                Object v = params.get(m.getKey());
                if (v == null) {
                    continue;
                }
                try {
                    java.math.BigDecimal d = new java.math.BigDecimal(v.toString());
                    if (d.signum() < 0 || d.compareTo(m.getValue()) > 0) {
                        errors.put("params." + m.getKey(), "must be from 0 to " + m.getValue().toPlainString());
                    } else if (whole.contains(m.getKey()) && d.stripTrailingZeros().scale() > 0) {
                        errors.put("params." + m.getKey(), "must be a whole number");
                    }
                } catch (NumberFormatException e) {
                    errors.put("params." + m.getKey(), "must be a number");
                }
            }
            Object rounding = params.get("rounding");
            if (rounding != null && !List.of("FLOOR", "HALF_UP", "CEILING").contains(rounding.toString().toUpperCase(java.util.Locale.ROOT))) {
                errors.put("params.rounding", "FLOOR, HALF_UP or CEILING");
            }
            Object event = params.get("event");
            if (type == RuleDef.Type.BONUS && event != null && !List.of("FIRST_PURCHASE", "BIRTHDAY", "SIGN_UP",
                    "PROFILE_COMPLETED", "REFERRAL").contains(event.toString())) {
                errors.put("params.event", "FIRST_PURCHASE, BIRTHDAY, SIGN_UP, PROFILE_COMPLETED or REFERRAL");
            }
            for (String k : List.of("fromTime", "toTime")) {
                if (params.get(k) != null) {
                    try {
                        java.time.LocalTime.parse(params.get(k).toString());
                    } catch (java.time.format.DateTimeParseException e) {
                        errors.put("params." + k, "a time such as 10:00");
                    }
                }
            }
        }
        if (rule.validFrom() != null && rule.validTo() != null && !rule.validTo().isAfter(rule.validFrom())) {
            errors.put("validTo", "must be after validFrom");
        }
        if (!errors.isEmpty()) {
            throw io.loyaltyhub.api.common.Rejected.invalid("The rule has invalid fields.", errors);
        }
        return new RuleDef(rule.id() == null ? 0 : rule.id(), name, type, rule.active(), params, rule.validFrom(),
                rule.validTo());
    }

    /** Points of an active bonus rule for the event (SIGN_UP, PROFILE_COMPLETED, ...), 0 if none. */
    static long bonus(List<RuleDef> rules, String event, java.time.Instant at) {
        return rules.stream().filter(r -> r.type() == RuleDef.Type.BONUS && r.appliesAt(at)
                && event.equals(r.text("event"))).mapToLong(r -> r.number("points", 0)).sum();
    }
}
