package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.chat.Texts;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers, money and dates as an affiliate reads them in their language ({@code format.locale} of the bundle,
 * e.g. {@code en-IN} or {@code hi-IN}), in the program's time zone.
 */
final class Formats {
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter month;

    Formats(Texts texts, ZoneId zone) {
        this.locale = Locale.forLanguageTag(texts.get("format.locale"));
        this.zone = zone;
        this.date = DateTimeFormatter.ofPattern(texts.get("format.date"), locale);
        this.month = DateTimeFormatter.ofPattern(texts.get("format.month"), locale);
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** The amount with its currency's symbol as the language writes it: ₹1,234.50, $12.00. */
    String money(Money m) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency c = Currency.getInstance(m.currency());
            f.setCurrency(c);
            f.setMinimumFractionDigits(Math.max(c.getDefaultFractionDigits(), 0));
            f.setMaximumFractionDigits(Math.max(c.getDefaultFractionDigits(), 0));
        } catch (IllegalArgumentException e) {
            return m.amount().toPlainString() + " " + m.currency(); // a code Java does not know
        }
        return f.format(m.amount());
    }

    /** The day {@code at} falls on. */
    String date(Instant at) {
        return date.format(at.atZone(zone));
    }

    String month(YearMonth m) {
        return month.format(m);
    }
}
