package io.loyaltyhub.ui.customers;

import io.loyaltyhub.api.loyalty.LeaderboardEntry;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Arithmetic for the leaderboard: bar widths and the months to choose from. */
public final class LeaderboardBars {

    private LeaderboardBars() {
    }

    /** The bar's width in percent of the widest (the top entry = 100; at least 1 for any points). */
    public static double widthPercent(long points, long max) {
        if (points <= 0 || max <= 0) {
            return 0;
        }
        double pct = Math.min(100.0, 100.0 * points / max);
        return Math.max(1.0, Math.round(pct * 10) / 10.0);
    }

    /** The most points among the entries (0 when none). */
    public static long max(List<LeaderboardEntry> entries) {
        return entries.stream().mapToLong(LeaderboardEntry::points).max().orElse(0);
    }

    /** {@code current} and the {@code count - 1} months before it, newest first. */
    public static List<YearMonth> months(YearMonth current, int count) {
        List<YearMonth> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(current.minusMonths(i));
        }
        return out;
    }
}
