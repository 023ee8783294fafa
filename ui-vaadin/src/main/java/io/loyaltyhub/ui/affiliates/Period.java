package io.loyaltyhub.ui.affiliates;

import java.time.LocalDate;
import java.util.Optional;

/** The periods to choose from for stats and the leaderboard; {@link #CUSTOM} takes two dates. */
public enum Period {
    THIS_MONTH("This month"),
    LAST_MONTH("Last month"),
    LAST_7_DAYS("Last 7 days"),
    LAST_30_DAYS("Last 30 days"),
    CUSTOM("Custom");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The days of this period as seen on {@code today}: this month runs from the 1st to today,
     * last month is the whole previous month, the last n days end today. {@link #CUSTOM} uses
     * {@code from} and {@code to} (both included) and is empty when either is missing or
     * {@code to} is before {@code from}.
     */
    public Optional<DateRange> range(LocalDate today, LocalDate from, LocalDate to) {
        return switch (this) {
            case THIS_MONTH -> Optional.of(new DateRange(today.withDayOfMonth(1), today));
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield Optional.of(new DateRange(first, first.withDayOfMonth(first.lengthOfMonth())));
            }
            case LAST_7_DAYS -> Optional.of(new DateRange(today.minusDays(6), today));
            case LAST_30_DAYS -> Optional.of(new DateRange(today.minusDays(29), today));
            case CUSTOM -> from == null || to == null || to.isBefore(from) ? Optional.empty()
                    : Optional.of(new DateRange(from, to));
        };
    }

    /** What is wrong with custom dates, or empty when they make a range. */
    public static Optional<String> customProblem(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return Optional.of("Choose the first and the last day.");
        }
        if (to.isBefore(from)) {
            return Optional.of("The last day is before the first.");
        }
        return Optional.empty();
    }
}
