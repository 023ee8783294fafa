package io.loyaltyhub.plugins.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours in which messages that can wait are held (e.g. 21:00 to 09:00, across midnight), in a store's time zone.
 * A start equal to the end means none.
 */
record QuietHours(LocalTime start, LocalTime end) {

    /** When the quiet hours around {@code now} end, or empty outside them. */
    Optional<Instant> until(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean quiet = wraps ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        return Optional.of((endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant());
    }
}
