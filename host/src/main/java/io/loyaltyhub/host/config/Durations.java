package io.loyaltyhub.host.config;

import java.time.Duration;
import java.util.Locale;

/** Reads durations as people write them in config: 45s, 15m, 12h, 30d, 250ms, or ISO-8601 (PT15M, P30D). */
public final class Durations {
    private Durations() {
    }

    /** @throws IllegalArgumentException (or DateTimeParseException) when the text is not a duration */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,9}(ms|s|m|h|d)")) {
            long n = Long.parseLong(t.replaceAll("\\D", ""));
            return switch (t.replaceAll("\\d", "")) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("not a duration: " + text);
    }
}
