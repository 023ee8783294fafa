package io.loyaltyhub.plugins.affiliates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A commission plan, as data: what an affiliate earns on one attributed bill. Pure (no database), so every rule is
 * unit-tested. Amounts are exact: the calculation keeps full precision and rounds the result once, HALF_EVEN to
 * 2 decimals; caps apply to the rounded amount.
 *
 * <pre>
 * {"type": "PERCENT",  "percent": 5}                                    5 % of the bill
 * {"type": "FLAT",     "flat": 150}                                     150 per attributed bill (conversion)
 * {"type": "TIERED",   "tiers": [{"from": 0, "percent": 5}, {"from": 100000, "percent": 8}]}
 *                      marginal rates by the affiliate's attributed volume this month: the part of a bill that falls
 *                      in a band earns that band's rate (so a month's total depends only on its volume)
 * {"type": "CATEGORY", "categories": {"electronics": 2, "fashion": 10}, "percent": 4}
 *                      per line by category (other categories and bills without lines: percent, default 0); lines
 *                      are scaled to the bill amount, so a discount on the whole bill is shared by its lines
 * optional, with any type:
 *   "recurringPurchases": 3   only the customer's first 3 purchases attributed to this affiliate earn
 *   "recurringMonths": 6      only purchases within 6 months of the customer's first touch with this affiliate earn
 *   "levelTwoPercent": 10     this affiliate earns 10 % of the commission of every affiliate they recruited
 *   "capPerBill": 500         at most this per bill
 *   "capPerMonth": 20000      at most this per calendar month (all levels; the settings' time zone)
 * </pre>
 */
record Plan(Type type, BigDecimal percent, BigDecimal flat, List<Tier> tiers, Map<String, BigDecimal> categories,
            Integer recurringPurchases, Integer recurringMonths, BigDecimal levelTwoPercent, BigDecimal capPerBill,
            BigDecimal capPerMonth) {

    enum Type { PERCENT, FLAT, TIERED, CATEGORY }

    /** A band of monthly volume from {@code from} (inclusive) to the next tier's from. */
    record Tier(BigDecimal from, BigDecimal percent) {
    }

    /** One bill line: its category (may be null) and amount. */
    record Line(String category, BigDecimal amount) {
    }

    /**
     * What is known when a bill is priced.
     *
     * @param monthVolumeBefore     the affiliate's attributed, unreversed bill amounts this month before this bill
     * @param priorPurchases        the customer's earlier attributed, unreversed bills for this affiliate
     * @param withinRecurringMonths the bill is within {@code recurringMonths} of the customer's first touch
     * @param monthCommissionBefore the affiliate's commission this month so far (pending, approved, paid; all levels)
     */
    record History(BigDecimal monthVolumeBefore, long priorPurchases, boolean withinRecurringMonths,
                   BigDecimal monthCommissionBefore) {
        static History fresh() {
            return new History(BigDecimal.ZERO, 0, true, BigDecimal.ZERO);
        }
    }

    /** The commission (0.00 when none) and how it came about, for people. */
    record Calculation(BigDecimal amount, String explanation) {
        boolean earns() {
            return amount.signum() > 0;
        }
    }

    /** The plan's parameters were refused; field to message. */
    static final class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super("invalid commission plan: " + errors);
            this.errors = Map.copyOf(errors);
        }

        Map<String, String> errors() {
            return errors;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final Set<String> KEYS = Set.of("type", "percent", "flat", "tiers", "categories", "recurringPurchases",
            "recurringMonths", "levelTwoPercent", "capPerBill", "capPerMonth");

    // ---- parsing and validation ---------------------------------------------------------------------

    /** Parses plan JSON; {@link Invalid} when it is not a valid plan. */
    static Plan parse(String json) {
        Object tree;
        try {
            tree = json == null || json.isBlank() ? null : JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new Invalid(Map.of("plan", "is not valid JSON: " + e.getOriginalMessage()));
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new Invalid(Map.of("plan", "must be a JSON object such as {\"type\":\"PERCENT\",\"percent\":5}"));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        map.forEach((k, v) -> params.put(String.valueOf(k), v));
        return of(params);
    }

    /** For a setting's validator: the first problem, if any. */
    static Optional<String> check(String json) {
        try {
            parse(json);
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(String.join("; ", new TreeMap<>(e.errors()).entrySet().stream()
                    .map(x -> x.getKey() + " " + x.getValue()).toList()));
        }
    }

    /** A plan from decoded JSON, every problem reported at once. */
    static Plan of(Map<String, Object> p) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : p.keySet()) {
            if (!KEYS.contains(key)) {
                errors.put(key, "is not a plan parameter (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Type type = null;
        Object rawType = p.get("type");
        if (rawType == null) {
            errors.put("type", "is required: PERCENT, FLAT, TIERED or CATEGORY");
        } else {
            try {
                type = Type.valueOf(String.valueOf(rawType).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("type", "must be PERCENT, FLAT, TIERED or CATEGORY");
            }
        }
        BigDecimal percent = decimal(p, "percent", errors);
        BigDecimal flat = decimal(p, "flat", errors);
        List<Tier> tiers = tiers(p.get("tiers"), errors);
        Map<String, BigDecimal> categories = categories(p.get("categories"), errors);
        Integer purchases = whole(p, "recurringPurchases", 1, 10_000, errors);
        Integer months = whole(p, "recurringMonths", 1, 120, errors);
        BigDecimal levelTwo = decimal(p, "levelTwoPercent", errors);
        BigDecimal capPerBill = decimal(p, "capPerBill", errors);
        BigDecimal capPerMonth = decimal(p, "capPerMonth", errors);
        if (type != null) {
            switch (type) {
                case PERCENT -> {
                    require(percent, "percent", errors);
                    unused(p, type, errors, "flat", "tiers", "categories");
                }
                case FLAT -> {
                    require(flat, "flat", errors);
                    unused(p, type, errors, "percent", "tiers", "categories");
                }
                case TIERED -> {
                    if (p.get("tiers") == null) {
                        errors.putIfAbsent("tiers", "is required for a TIERED plan");
                    }
                    unused(p, type, errors, "percent", "flat", "categories");
                }
                case CATEGORY -> {
                    if (p.get("categories") == null) {
                        errors.putIfAbsent("categories", "is required for a CATEGORY plan");
                    }
                    unused(p, type, errors, "flat", "tiers");
                }
            }
        }
        percentage(percent, "percent", errors);
        percentage(levelTwo, "levelTwoPercent", errors);
        amount(flat, "flat", errors);
        amount(capPerBill, "capPerBill", errors);
        amount(capPerMonth, "capPerMonth", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Plan(type, percent, flat, tiers, categories, purchases, months, levelTwo, capPerBill, capPerMonth);
    }

    /** The plan as JSON-ready data (canonical: what is stored and shown). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.name());
        if (percent != null) {
            m.put("percent", percent);
        }
        if (flat != null) {
            m.put("flat", flat);
        }
        if (tiers != null) {
            m.put("tiers", tiers.stream().map(t -> Map.of("from", t.from(), "percent", t.percent())).toList());
        }
        if (categories != null) {
            m.put("categories", categories);
        }
        putIf(m, "recurringPurchases", recurringPurchases);
        putIf(m, "recurringMonths", recurringMonths);
        putIf(m, "levelTwoPercent", levelTwoPercent);
        putIf(m, "capPerBill", capPerBill);
        putIf(m, "capPerMonth", capPerMonth);
        return m;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static BigDecimal decimal(Map<String, Object> p, String key, Map<String, String> errors) {
        Object v = p.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List || v instanceof Boolean) {
            errors.put(key, "must be a number");
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            errors.put(key, "must be a number");
            return null;
        }
    }

    private static Integer whole(Map<String, Object> p, String key, int min, int max, Map<String, String> errors) {
        BigDecimal d = decimal(p, key, errors);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.put(key, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return d.intValueExact();
    }

    private static void require(Object value, String key, Map<String, String> errors) {
        if (value == null) {
            errors.putIfAbsent(key, "is required for this type");
        }
    }

    private static void unused(Map<String, Object> p, Type type, Map<String, String> errors, String... keys) {
        for (String k : keys) {
            if (p.get(k) != null) {
                errors.putIfAbsent(k, "is not used by a " + type + " plan");
            }
        }
    }

    private static void percentage(BigDecimal v, String key, Map<String, String> errors) {
        if (v != null && (v.signum() < 0 || v.compareTo(HUNDRED) > 0 || v.scale() > 4)) {
            errors.putIfAbsent(key, "must be a percentage from 0 to 100 (at most 4 decimals)");
        }
    }

    private static void amount(BigDecimal v, String key, Map<String, String> errors) {
        if (v != null && (v.signum() <= 0 || v.scale() > 2 || v.compareTo(MAX_AMOUNT) > 0)) {
            errors.putIfAbsent(key, "must be an amount above 0 with at most 2 decimals");
        }
    }

    private static List<Tier> tiers(Object raw, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof List<?> list) || list.isEmpty() || list.size() > 20) {
            errors.put("tiers", "must be a list of 1 to 20 tiers like {\"from\": 0, \"percent\": 5}");
            return null;
        }
        List<Tier> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "tiers[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || m.size() != 2 || !m.containsKey("from")
                    || !m.containsKey("percent")) {
                errors.put(key, "must be {\"from\": <monthly volume>, \"percent\": <rate>}");
                continue;
            }
            Map<String, Object> t = new LinkedHashMap<>();
            m.forEach((k, v) -> t.put(String.valueOf(k), v));
            Map<String, String> parsing = new LinkedHashMap<>();
            BigDecimal from = decimal(t, "from", parsing);
            BigDecimal pct = decimal(t, "percent", parsing);
            if (from == null || pct == null || from.signum() < 0 || from.scale() > 2) {
                errors.put(key, "from must be an amount of 0 or more and percent a number");
                continue;
            }
            Map<String, String> local = new LinkedHashMap<>();
            percentage(pct, key + ".percent", local);
            errors.putAll(local);
            if (!out.isEmpty() && from.compareTo(out.get(out.size() - 1).from()) <= 0) {
                errors.put(key, "from must be above the previous tier's from");
            }
            out.add(new Tier(from, pct));
        }
        if (!out.isEmpty() && out.get(0).from().signum() != 0) {
            errors.put("tiers[0]", "the first tier must start from 0");
        }
        return List.copyOf(out);
    }

    private static Map<String, BigDecimal> categories(Object raw, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty() || m.size() > 200) {
            errors.put("categories", "must be an object of 1 to 200 categories and their percentages");
            return null;
        }
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String category = normalise(String.valueOf(e.getKey()));
            String key = "categories." + e.getKey();
            if (category == null || category.length() > 64) {
                errors.put(key, "a category is 1 to 64 characters");
                continue;
            }
            BigDecimal pct;
            try {
                pct = e.getValue() instanceof Map || e.getValue() instanceof List || e.getValue() == null ? null
                        : new BigDecimal(String.valueOf(e.getValue()).trim());
            } catch (NumberFormatException x) {
                pct = null;
            }
            if (pct == null) {
                errors.put(key, "must be a percentage");
                continue;
            }
            percentage(pct, key, errors);
            if (out.put(category, pct) != null) {
                errors.put(key, "is given twice (categories are compared without case)");
            }
        }
        return out;
    }

    static String normalise(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        return category.trim().toLowerCase(Locale.ROOT);
    }

    // ---- calculation --------------------------------------------------------------------------------

    /** The level-one commission on a bill of {@code amount} with these {@code lines}. */
    Calculation level1(BigDecimal amount, List<Line> lines, History h) {
        if (amount.signum() <= 0) {
            return none("bill amount is not positive");
        }
        if (recurringPurchases != null && h.priorPurchases() >= recurringPurchases) {
            return none("recurring: only the first " + recurringPurchases + " purchases earn; this is purchase "
                    + (h.priorPurchases() + 1));
        }
        if (recurringMonths != null && !h.withinRecurringMonths()) {
            return none("recurring: only purchases within " + recurringMonths + " months of the referral earn");
        }
        BigDecimal raw;
        String how;
        switch (type) {
            case PERCENT -> {
                raw = amount.multiply(percent).divide(HUNDRED, PRECISION);
                how = plain(percent) + "% of " + plain(amount);
            }
            case FLAT -> {
                raw = flat;
                how = "flat " + plain(flat) + " per conversion";
            }
            case TIERED -> {
                raw = tiered(amount, h.monthVolumeBefore());
                how = "tiered by monthly volume " + plain(h.monthVolumeBefore()) + " -> "
                        + plain(h.monthVolumeBefore().add(amount));
            }
            case CATEGORY -> {
                raw = byCategory(amount, lines);
                how = "by category over " + (lines == null ? 0 : lines.size()) + " lines";
            }
            default -> throw new IllegalStateException();
        }
        BigDecimal result = raw.setScale(2, RoundingMode.HALF_EVEN);
        StringBuilder explanation = new StringBuilder(how).append(" = ").append(plain(result));
        if (capPerBill != null && result.compareTo(capPerBill) > 0) {
            result = capPerBill;
            explanation.append(", capped per bill at ").append(plain(capPerBill));
        }
        return monthCap(result, h.monthCommissionBefore(), explanation);
    }

    /** The level-two share of this (the recruiter's) plan on a recruit's level-one commission. */
    Calculation level2(BigDecimal recruitCommission, BigDecimal monthCommissionBefore) {
        if (levelTwoPercent == null || levelTwoPercent.signum() == 0 || recruitCommission.signum() <= 0) {
            return none("no level-two share");
        }
        BigDecimal result = recruitCommission.multiply(levelTwoPercent).divide(HUNDRED, PRECISION)
                .setScale(2, RoundingMode.HALF_EVEN);
        StringBuilder explanation = new StringBuilder(plain(levelTwoPercent)).append("% of the recruit's commission ")
                .append(plain(recruitCommission)).append(" = ").append(plain(result));
        return monthCap(result, monthCommissionBefore, explanation);
    }

    private Calculation monthCap(BigDecimal result, BigDecimal monthBefore, StringBuilder explanation) {
        if (capPerMonth != null) {
            BigDecimal room = capPerMonth.subtract(monthBefore).max(BigDecimal.ZERO);
            if (result.compareTo(room) > 0) {
                result = room.setScale(2, RoundingMode.HALF_EVEN);
                explanation.append(", capped per month at ").append(plain(capPerMonth)).append(" (")
                        .append(plain(monthBefore)).append(" earned before)");
            }
        }
        return new Calculation(result.setScale(2, RoundingMode.HALF_EVEN), explanation.toString());
    }

    private BigDecimal tiered(BigDecimal amount, BigDecimal before) {
        BigDecimal start = before;
        BigDecimal end = before.add(amount);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            BigDecimal from = tiers.get(i).from();
            BigDecimal to = i + 1 < tiers.size() ? tiers.get(i + 1).from() : null;
            BigDecimal lo = start.max(from);
            BigDecimal hi = to == null ? end : end.min(to);
            if (hi.compareTo(lo) > 0) {
                total = total.add(hi.subtract(lo).multiply(tiers.get(i).percent()));
            }
        }
        return total.divide(HUNDRED, PRECISION);
    }

    private BigDecimal byCategory(BigDecimal amount, List<Line> lines) {
        BigDecimal other = percent == null ? BigDecimal.ZERO : percent;
        BigDecimal linesTotal = BigDecimal.ZERO;
        if (lines != null) {
            for (Line l : lines) {
                linesTotal = linesTotal.add(l.amount());
            }
        }
        if (linesTotal.signum() <= 0) {
            return amount.multiply(other).divide(HUNDRED, PRECISION);
        }
        BigDecimal weighted = BigDecimal.ZERO;
        for (Line l : lines) {
            String c = normalise(l.category());
            BigDecimal rate = c == null ? other : categories.getOrDefault(c, other);
            weighted = weighted.add(l.amount().multiply(rate));
        }
        // sum(line * rate) * (amount / linesTotal) / 100: the lines scaled to the bill amount
        return weighted.multiply(amount).divide(linesTotal.multiply(HUNDRED), PRECISION);
    }

    private static Calculation none(String why) {
        return new Calculation(BigDecimal.ZERO.setScale(2), why);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
