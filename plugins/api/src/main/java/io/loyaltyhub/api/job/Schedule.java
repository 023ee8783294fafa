package io.loyaltyhub.api.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** When a job is due. */
public sealed interface Schedule {

    /** The first due time strictly after {@code after}. */
    Instant nextAfter(Instant after);

    static Schedule every(Duration interval) {
        return new Every(interval);
    }

    static Schedule dailyAt(LocalTime time, ZoneId zone) {
        return new Daily(time, zone);
    }

    /** Every {@code interval}, aligned to the epoch so all instances agree on due times. */
    record Every(Duration interval) implements Schedule {
        public Every {
            Objects.requireNonNull(interval);
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
        }

        @Override
        public Instant nextAfter(Instant after) {
            long step = interval.toMillis();
            long next = (Math.floorDiv(after.toEpochMilli(), step) + 1) * step;
            return Instant.ofEpochMilli(next);
        }
    }

    /** Once a day at a local time of a zone (e.g. the store's), DST-safe. */
    record Daily(LocalTime time, ZoneId zone) implements Schedule {
        public Daily {
            Objects.requireNonNull(time);
            Objects.requireNonNull(zone);
        }

        @Override
        public Instant nextAfter(Instant after) {
            ZonedDateTime local = after.atZone(zone);
            ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
            if (!candidate.toInstant().isAfter(after)) {
                candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
            }
            return candidate.toInstant();
        }
    }
}
