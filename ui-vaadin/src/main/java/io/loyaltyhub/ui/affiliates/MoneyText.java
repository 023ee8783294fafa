package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How money is shown: the ISO currency, then the exact amount with two decimals and thousands
 * separators ("INR 1,234.50"). Computed on {@link BigDecimal}s only, never doubles.
 */
public final class MoneyText {

    private MoneyText() {
    }

    /** "INR 1,234.50", "INR -12.00"; "" for null. */
    public static String format(Money money) {
        if (money == null) {
            return "";
        }
        return money.currency() + " " + amount(money.amount());
    }

    /** The amount alone with two decimals and separators: "1,234.50"; "" for null. */
    public static String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** One sum per currency, currencies in alphabetical order; nulls ignored; empty for none. */
    public static List<Money> totals(Collection<Money> amounts) {
        Map<String, Money> sums = new TreeMap<>();
        amounts.stream().filter(Objects::nonNull)
                .forEach(m -> sums.merge(m.currency(), m, Money::plus));
        return new ArrayList<>(sums.values());
    }

    /** The sums of {@link #totals}, "INR 10.00 + USD 2.00"; "0" for none. */
    public static String formatTotals(Collection<Money> amounts) {
        List<Money> totals = totals(amounts);
        return totals.isEmpty() ? "0" : totals.stream().map(MoneyText::format).collect(Collectors.joining(" + "));
    }

    /**
     * {@code value} as a fraction of {@code max} (0..1), for drawing only: 0 when either is null,
     * not positive, or the currencies differ.
     */
    public static double fraction(Money value, Money max) {
        if (value == null || max == null || !value.currency().equals(max.currency())
                || value.amount().signum() <= 0 || max.amount().signum() <= 0) {
            return 0;
        }
        BigDecimal ratio = value.amount().divide(max.amount(), 6, RoundingMode.HALF_EVEN);
        return Math.min(1.0, ratio.doubleValue());
    }

    /** The biggest amount per currency (for bar lengths), by currency. */
    public static Map<String, Money> maxByCurrency(Collection<Money> amounts) {
        Map<String, Money> max = new TreeMap<>();
        amounts.stream().filter(Objects::nonNull).forEach(m -> max.merge(m.currency(), m,
                (a, b) -> a.amount().compareTo(b.amount()) >= 0 ? a : b));
        return max;
    }
}
