package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.loyalty.Birthday;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthday typed as DD/MM or DD/MM/YYYY ("/", "-", "." or a space between; Devanagari digits too).
 * Impossible dates (31/02, 29/02/2023) and dates after today are not birthdays.
 */
final class BirthdayParser {
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\s*[/.\\-\\s]\\s*(\\d{1,2})(?:\\s*[/.\\-\\s]\\s*(\\d{4}))?");

    private BirthdayParser() {
    }

    static Optional<Birthday> parse(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(asciiDigits(text.strip()));
        if (!m.matches()) {
            return Optional.empty();
        }
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        Integer year = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        Birthday b;
        try {
            b = new Birthday(month, day, year);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (year != null && LocalDate.of(year, month, day).isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(b);
    }

    /** Any script's digits (e.g. १५/०८) as 0-9; other characters as they are. */
    static String asciiDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int d = Character.digit(c, 10);
            if (d >= 0) {
                out.append((char) ('0' + d));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
