package io.loyaltyhub.ui.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Texts the login view shows after a failed attempt. */
public final class LoginMessages {

    public static final String BAD_CREDENTIALS_TITLE = "Incorrect username or password";
    public static final String BAD_CREDENTIALS_MESSAGE = "Check that you have entered the correct username and password and try again.";
    public static final String THROTTLED_TITLE = "Too many failed attempts";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LoginMessages() {
    }

    /** The address throttling counts by: Jetty writes IPv6 as "[::1]", the brackets go. */
    public static String clientAddress(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isBlank()) {
            return "unknown";
        }
        String address = remoteAddr.trim();
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    /** E.g. "Try again in 5 minutes (at 14:05:00)." */
    public static String throttled(Instant retryAfter, Instant now, ZoneId zone) {
        long seconds = Math.max(0, Duration.between(now, retryAfter).toSeconds());
        String wait;
        if (seconds < 60) {
            wait = Math.max(1, seconds) + (seconds == 1 ? " second" : " seconds");
        } else {
            long minutes = (seconds + 59) / 60;
            wait = minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return "Try again in " + wait + " (at " + CLOCK.format(retryAfter.atZone(zone)) + ").";
    }
}
