package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Ranks the affiliate leaderboard by conversions (the service's order) or by revenue. */
public final class LeaderboardRanking {

    public enum By {
        CONVERSIONS("Conversions"), REVENUE("Revenue");

        private final String label;

        By(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A ranked line. */
    public record Row(int rank, AffiliateStats stats) {
    }

    private static final Comparator<AffiliateStats> BY_REVENUE = Comparator
            .comparing((AffiliateStats s) -> amount(s.revenue()), Comparator.reverseOrder())
            .thenComparing(AffiliateStats::conversions, Comparator.reverseOrder())
            .thenComparing(AffiliateStats::affiliateId);
    private static final Comparator<AffiliateStats> BY_CONVERSIONS = Comparator
            .comparing(AffiliateStats::conversions, Comparator.reverseOrder())
            .thenComparing((AffiliateStats s) -> amount(s.revenue()), Comparator.reverseOrder())
            .thenComparing(AffiliateStats::affiliateId);

    private LeaderboardRanking() {
    }

    /** Ranks 1.. in the chosen order; equal figures share a rank ("1, 1, 3"). */
    public static List<Row> rank(List<AffiliateStats> stats, By by) {
        Comparator<AffiliateStats> order = by == By.REVENUE ? BY_REVENUE : BY_CONVERSIONS;
        Function<AffiliateStats, Object> key = by == By.REVENUE
                ? s -> List.of(amount(s.revenue()), s.conversions())
                : s -> List.of(s.conversions(), amount(s.revenue()));
        List<AffiliateStats> sorted = stats.stream().sorted(order).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            AffiliateStats s = sorted.get(i);
            int rank = i > 0 && key.apply(sorted.get(i - 1)).equals(key.apply(s)) ? rows.get(i - 1).rank() : i + 1;
            rows.add(new Row(rank, s));
        }
        return rows;
    }

    private static BigDecimal amount(Money m) {
        return m == null ? BigDecimal.ZERO : m.amount();
    }
}
