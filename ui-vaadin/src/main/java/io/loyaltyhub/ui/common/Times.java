package io.loyaltyhub.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How instants are shown: server time zone, to the second. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    public static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** The instant as local date and time, or "" for null. */
    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone()));
    }

    /** The date of an instant in the server zone, or null. */
    public static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(zone()).toLocalDate();
    }

    /** Only the date, or "" for null. */
    public static String formatDate(Instant instant) {
        return instant == null ? "" : date(instant).toString();
    }

    /** The first moment of the day in the server zone (a "valid from" date), or null. */
    public static Instant startOfDay(LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone()).toInstant();
    }

    /** The last second of the day in the server zone (a "valid to" date), or null. */
    public static Instant endOfDay(LocalDate date) {
        return date == null ? null : date.plusDays(1).atStartOfDay(zone()).toInstant().minusSeconds(1);
    }

    /** Local date and time in the server zone as an instant, or null. */
    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }
}
