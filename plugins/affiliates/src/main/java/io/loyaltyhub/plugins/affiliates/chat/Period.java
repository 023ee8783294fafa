package io.loyaltyhub.plugins.affiliates.chat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/** The periods stats are shown for, with their choice ids ({@code a:stats:m}, {@code a:stats:l}, {@code a:stats:a}). */
enum Period {
    THIS_MONTH("m"),
    LAST_MONTH("l"),
    ALL_TIME("a");

    final String choice;

    Period(String letter) {
        this.choice = "a:stats:" + letter;
    }

    static Optional<Period> byChoice(String id) {
        return Arrays.stream(values()).filter(p -> p.choice.equals(id)).findFirst();
    }

    /** [from, to) of the period in the program's time zone; all time runs from the epoch to the end of this month. */
    Range range(Instant now, ZoneId zone) {
        YearMonth current = YearMonth.from(now.atZone(zone));
        Instant endOfThisMonth = current.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return switch (this) {
            case THIS_MONTH -> new Range(current.atDay(1).atStartOfDay(zone).toInstant(), endOfThisMonth, current);
            case LAST_MONTH -> {
                YearMonth last = current.minusMonths(1);
                yield new Range(last.atDay(1).atStartOfDay(zone).toInstant(),
                        current.atDay(1).atStartOfDay(zone).toInstant(), last);
            }
            case ALL_TIME -> new Range(Instant.EPOCH, endOfThisMonth, null);
        };
    }

    /** @param month the calendar month, or null for all time */
    record Range(Instant from, Instant to, YearMonth month) {
    }
}
