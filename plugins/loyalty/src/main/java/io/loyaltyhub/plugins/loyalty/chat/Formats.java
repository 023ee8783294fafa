package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.api.loyalty.Birthday;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and dates as a customer reads them in their language, in the store's time zone. */
final class Formats {
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter day;

    Formats(Texts texts, ZoneId zone) {
        this.locale = Locale.forLanguageTag(texts.language());
        this.zone = zone;
        this.date = DateTimeFormatter.ofPattern(texts.get("format.date"), locale);
        this.day = DateTimeFormatter.ofPattern(texts.get("format.day"), locale);
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A signed number of points: +25, -500. */
    String signed(long n) {
        return (n > 0 ? "+" : n < 0 ? "-" : "") + number(Math.abs(n));
    }

    /** The day {@code at} falls on. */
    String date(Instant at) {
        return date.format(at.atZone(zone));
    }

    /**
     * The last day something is valid on, given the first moment it is not (vouchers and offers end at the
     * start of the day after their last day).
     */
    String lastDay(Instant end) {
        return date(end.minusNanos(1));
    }

    String birthday(Birthday b) {
        LocalDate d = LocalDate.of(b.year() == null ? 2000 : b.year(), b.month(), b.day()); // 2000: 29 Feb exists
        return b.year() == null ? day.format(d) : date.format(d);
    }
}
