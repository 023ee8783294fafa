package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.SqlRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sliding windows of clicks for the CLICK rules, a batch of clicks at a time. A rule fires on a click when at least
 * {@code max} matching clicks of its group (an affiliate, or an affiliate and an IP) fall in {@code (t - window, t]},
 * and raises one alert per group and window bucket (its dedup key). Per batch this reads the alerts already raised
 * once, and each group's window once (one query for all groups), instead of counting a window per click: a click
 * flood costs time in proportion to its clicks. Findings are those of counting per click, in click order.
 */
final class ClickWindows {
    /** A recorded click as the window sees it. */
    record Row(String group, Instant at, String ip) {
    }

    /** The first click of a dedup key that reached the threshold, with what its window held. */
    record Found(Map<String, String> click, String group, String dedupKey, long count, long distinctIps) {
    }

    /** Reads the matching clicks of {@code groups} recorded in {@code (from, to]}. */
    @FunctionalInterface
    interface Loader {
        List<Row> load(SqlRunner sql, Set<String> groups, Instant from, Instant to);
    }

    private final Predicate<Map<String, String>> matches;
    private final Function<Map<String, String>, String> group;
    private final Duration window;
    private final int max;

    ClickWindows(Predicate<Map<String, String>> matches, Function<Map<String, String>, String> group, Duration window,
                 int max) {
        this.matches = matches;
        this.group = group;
        this.window = window;
        this.max = max;
    }

    /**
     * The first click per dedup key (group and window bucket) that reached the threshold, skipping keys the rule
     * raised before (its alerts are unique by dedup key, so nothing else would come of them).
     */
    List<Found> firstReaching(SqlRunner sql, List<Map<String, String>> clicks, String ruleId,
                              java.util.function.BiFunction<String, Instant, String> dedupKey, Loader loader) {
        if (max <= 0) {
            return List.of();
        }
        Map<String, List<Map<String, String>>> byGroup = new LinkedHashMap<>();
        Map<Map<String, String>, String> keys = new IdentityHashMap<>(); // by click, not by content
        for (Map<String, String> click : clicks) {
            String g = matches.test(click) ? group.apply(click) : null;
            if (g != null) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(click);
                keys.put(click, dedupKey.apply(g, BuiltInFraudRules.at(click, "clickedAt")));
            }
        }
        if (byGroup.isEmpty()) {
            return List.of();
        }
        Set<String> raised = new HashSet<>(raisedBefore(sql, ruleId, new HashSet<>(keys.values())));
        byGroup.values().forEach(list -> list.removeIf(click -> raised.contains(keys.get(click))));
        byGroup.values().removeIf(List::isEmpty);
        if (byGroup.isEmpty()) {
            return List.of();
        }
        Instant from = null;
        Instant to = null;
        for (List<Map<String, String>> list : byGroup.values()) {
            for (Map<String, String> click : list) {
                Instant at = BuiltInFraudRules.at(click, "clickedAt");
                from = from == null || at.isBefore(from) ? at : from;
                to = to == null || at.isAfter(to) ? at : to;
            }
        }
        Map<String, List<Row>> rows = new HashMap<>();
        for (Row r : loader.load(sql, byGroup.keySet(), from.minus(window), to)) {
            rows.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        }
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, String>>> e : byGroup.entrySet()) {
            List<Row> inGroup = rows.getOrDefault(e.getKey(), List.of());
            long[] times = inGroup.stream().mapToLong(r -> micros(r.at())).sorted().toArray();
            for (Map<String, String> click : e.getValue()) {
                String key = keys.get(click);
                if (raised.contains(key)) {
                    continue; // this window's alert came from an earlier click
                }
                Instant at = BuiltInFraudRules.at(click, "clickedAt");
                long count = countIn(times, micros(at.minus(window)), micros(at));
                if (count >= max) {
                    raised.add(key);
                    found.add(new Found(click, e.getKey(), key, count, distinctIps(inGroup, at.minus(window), at)));
                }
            }
        }
        return found;
    }

    /** How many of the sorted {@code times} lie in {@code (from, to]}. */
    static long countIn(long[] times, long from, long to) {
        return upperBound(times, to) - upperBound(times, from);
    }

    /** The number of values {@code <= v} in the sorted array. */
    private static int upperBound(long[] sorted, long v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == v) {
            i++;
        }
        return i + 1;
    }

    private static long distinctIps(List<Row> rows, Instant from, Instant to) {
        return rows.stream().filter(r -> r.at().isAfter(from) && !r.at().isAfter(to)).map(Row::ip)
                .filter(java.util.Objects::nonNull).distinct().count();
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** The dedup keys among {@code keys} that {@code ruleId} has raised an alert for. */
    static Set<String> raisedBefore(SqlRunner sql, String ruleId, Collection<String> keys) {
        Set<String> raised = new HashSet<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            List<Object> args = new ArrayList<>();
            args.add(ruleId);
            args.addAll(chunk);
            raised.addAll(sql.query("SELECT dedup_key FROM affiliate_fraud_alert WHERE rule = ? AND dedup_key IN ("
                    + marks(chunk.size()) + ")", rs -> rs.getString(1), args.toArray()));
        }
        return raised;
    }

    /** {@code ?, ?, ?} for an IN list. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
