package io.loyaltyhub.ui.affiliates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whole days from {@code first} to {@code last}, both included. The services take half-open
 * instant ranges: {@link #from} is the start of the first day, {@link #to} the start of the day
 * after the last, in the given zone.
 */
public record DateRange(LocalDate first, LocalDate last) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last day " + last + " is before the first " + first);
        }
    }

    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }

    /** How many days, at least 1. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Exclusive: the start of the day after {@link #last}. */
    public Instant to(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The range cut into at most {@code max} consecutive parts of equal whole days (the last may
     * be shorter): one part per day for up to {@code max} days, else ceil(days / max) days each.
     */
    public List<DateRange> buckets(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        long size = (days() + max - 1) / max;
        List<DateRange> out = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(size)) {
            LocalDate end = start.plusDays(size - 1);
            out.add(new DateRange(start, end.isAfter(last) ? last : end));
        }
        return out;
    }

    /** "1 Mar 2026 – 31 Mar 2026", or one date for a single day. */
    public String label() {
        return first.equals(last) ? DAY.format(first) : DAY.format(first) + " – " + DAY.format(last);
    }

    /** A short label for a chart axis: "4 Mar", or "4 Mar–6 Mar" for several days. */
    public String shortLabel() {
        return first.equals(last) ? SHORT.format(first) : SHORT.format(first) + "–" + SHORT.format(last);
    }
}
