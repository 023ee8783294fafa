package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.data.SqlRunner;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's windows find what counting a window per click finds, in the same order. */
class ClickWindowsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** No alert raised before: the fake answers the dedup query with nothing. */
    private static final SqlRunner NO_ALERTS = new SqlRunner() {
        @Override
        public int update(String sql, Object... args) {
            throw new AssertionError(sql);
        }

        @Override
        public long insert(String sql, Object... args) {
            throw new AssertionError(sql);
        }

        @Override
        public <T> List<T> query(String sql, Row<T> row, Object... args) {
            assertThat(sql).startsWith("SELECT dedup_key FROM affiliate_fraud_alert");
            return List.of();
        }

        @Override
        public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
            throw new AssertionError(sql);
        }
    };

    record Click(long id, String affiliate, Instant at, boolean counted, String ip) {
        Map<String, String> facts() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("clickId", String.valueOf(id));
            f.put("affiliateId", affiliate);
            f.put("clickedAt", at.toString());
            f.put("counted", String.valueOf(counted));
            f.put("ip", ip);
            return f;
        }
    }

    @RepeatedTest(20)
    void findsWhatCountingPerClickFinds() {
        Random random = new Random();
        Duration window = Duration.ofSeconds(1 + random.nextInt(60));
        int max = 2 + random.nextInt(6);
        List<Click> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            all.add(new Click(i + 1, String.valueOf(1 + random.nextInt(3)), T0.plusMillis(random.nextInt(300_000)),
                    random.nextInt(10) > 0, "10.0.0." + random.nextInt(5)));
        }
        // the table holds every click; the batch is the second half by id (the first was scanned before)
        List<Click> batch = all.subList(200, 400);

        List<String> expected = new ArrayList<>();
        Set<String> raised = new HashSet<>();
        for (Click c : all.subList(0, 200)) { // what the earlier scan raised
            naive(all, c, window, max).ifPresent(raised::add);
        }
        Set<String> raisedEarlier = Set.copyOf(raised);
        for (Click c : batch) {
            naive(all, c, window, max).filter(raised::add).ifPresent(k -> expected.add(c.id() + "@" + k));
        }

        SqlRunner earlierAlerts = new DelegatingAlerts(raisedEarlier);
        ClickWindows windows = new ClickWindows(f -> "true".equals(f.get("counted")), f -> f.get("affiliateId"), window, max);
        List<String> found = windows.firstReaching(earlierAlerts, batch.stream().map(Click::facts).toList(), "r",
                        (g, at) -> key(g, at, window),
                        (sql, groups, from, to) -> all.stream()
                                .filter(c -> c.counted() && groups.contains(c.affiliate()) && c.at().isAfter(from) && !c.at().isAfter(to))
                                .map(c -> new ClickWindows.Row(c.affiliate(), c.at(), c.ip())).toList())
                .stream().map(f -> f.click().get("clickId") + "@" + f.dedupKey()).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void countsTheWindowEndingAtTheClickWithItsDistinctAddresses() {
        List<Click> clicks = List.of(
                new Click(1, "7", T0, true, "a"),
                new Click(2, "7", T0.plusSeconds(10), true, "b"),
                new Click(3, "7", T0.plusSeconds(61), true, "b"), // click 1 has left the minute
                new Click(4, "7", T0.plusSeconds(65), true, "c"));
        ClickWindows windows = new ClickWindows(f -> true, f -> f.get("affiliateId"), Duration.ofMinutes(1), 3);
        List<ClickWindows.Found> found = windows.firstReaching(NO_ALERTS, clicks.stream().map(Click::facts).toList(), "r",
                (g, at) -> "k", (sql, groups, from, to) -> clicks.stream().filter(c -> c.at().isAfter(from) && !c.at().isAfter(to))
                        .map(c -> new ClickWindows.Row(c.affiliate(), c.at(), c.ip())).toList());
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.click().get("clickId")).isEqualTo("4");
            assertThat(f.count()).isEqualTo(3);
            assertThat(f.distinctIps()).isEqualTo(2);
        });
    }

    private static String key(String group, Instant at, Duration window) {
        return group + ":" + BuiltInFraudRules.bucket(at, window);
    }

    /** The dedup key the per-click check raises on {@code c}, if its window reaches {@code max}. */
    private static Optional<String> naive(List<Click> all, Click c, Duration window, int max) {
        if (!c.counted()) {
            return Optional.empty();
        }
        long n = all.stream().filter(o -> o.counted() && o.affiliate().equals(c.affiliate())
                && o.at().isAfter(c.at().minus(window)) && !o.at().isAfter(c.at())).count();
        return n >= max ? Optional.of(key(c.affiliate(), c.at(), window)) : Optional.empty();
    }

    /** Answers the dedup query with the keys raised by an earlier scan. */
    private record DelegatingAlerts(Set<String> raised) implements SqlRunner {
        @Override
        public int update(String sql, Object... args) {
            throw new AssertionError(sql);
        }

        @Override
        public long insert(String sql, Object... args) {
            throw new AssertionError(sql);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> query(String sql, Row<T> row, Object... args) {
            List<T> out = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (raised.contains((String) args[i])) {
                    out.add((T) args[i]);
                }
            }
            return out;
        }

        @Override
        public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
            throw new AssertionError(sql);
        }
    }
}
