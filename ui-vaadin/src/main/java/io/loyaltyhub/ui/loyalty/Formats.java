package io.loyaltyhub.ui.loyalty;

import io.loyaltyhub.api.loyalty.Birthday;

import java.math.BigDecimal;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** How loyalty values are shown. */
public final class Formats {

    private Formats() {
    }

    /** Points with a sign: "+100", "-30", "0". */
    public static String signed(long points) {
        return points > 0 ? "+" + points : String.valueOf(points);
    }

    /** "14 Mar 2016", or "14 Mar" without a year; "" for null. */
    public static String birthday(Birthday b) {
        if (b == null) {
            return "";
        }
        String month = Month.of(b.month()).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return b.day() + " " + month + (b.year() == null ? "" : " " + b.year());
    }

    /** A plain number without exponent or trailing zeros; "" for null. */
    public static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** "" for null, else the text. */
    public static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** A name for an enum constant: OPTED_OUT -> "opted out". */
    public static String label(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
