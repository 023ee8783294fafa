package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillLine;
import io.loyaltyhub.api.common.Rejected;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a bill before anything is written, naming every bad field; the refusal's code is that of
 * the first problem (missing-field, invalid-mobile, invalid-amount, unsupported-currency,
 * future-bill, invalid-date, unknown-store, invalid-bill-number, invalid-line). Bill numbers appear in
 * URLs, so no slash.
 */
final class BillCheck {
    private BillCheck() {
    }

    /** The bill as it will be stored: mobile in E.164, codes trimmed. */
    record Checked(Bill bill, String mobile, String hash) {
    }

    /** No bill is older than this: a year 0 or 1970 date is a mistake, not a purchase. */
    static final Instant OLDEST = Instant.parse("2000-01-01T00:00:00Z");

    /** @param knownStore whether a store code is one the retailer set up */
    static Checked check(Bill b, LoyaltyConfig config, PhoneNumbers phones, java.util.function.Predicate<String> knownStore,
                         Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = null;
        if (b == null) {
            throw Rejected.invalid("missing-field", "The bill is empty.");
        }
        String number = b.billNumber() == null ? "" : b.billNumber().trim();
        if (number.isEmpty()) {
            code = first(code, "missing-field");
            errors.put("billNumber", "is required");
        } else if (!number.matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")) {
            code = first(code, "invalid-bill-number");
            errors.put("billNumber", "letters, digits and _ . : - only, at most 64");
        }
        String mobile = null;
        if (b.customerMobile() == null || b.customerMobile().isBlank()) {
            code = first(code, "missing-field");
            errors.put("customerMobile", "is required");
        } else {
            mobile = phones.toE164(b.customerMobile(), config.region()).orElse(null);
            if (mobile == null) {
                code = first(code, "invalid-mobile");
                errors.put("customerMobile", "is not a valid mobile number");
            }
        }
        if (b.amount() == null) {
            code = first(code, "missing-field");
            errors.put("amount", "is required");
        } else if (b.amount().signum() <= 0) {
            code = first(code, "invalid-amount");
            errors.put("amount", "must be more than 0 (send returns as a reversal)");
        } else if (b.amount().compareTo(config.maxBill()) > 0) {
            code = first(code, "invalid-amount");
            errors.put("amount", "is above the largest plausible bill (" + config.maxBill().toPlainString() + ")");
        } else if (b.amount().stripTrailingZeros().scale() > 2) {
            code = first(code, "invalid-amount");
            errors.put("amount", "has more than 2 decimals");
        }
        if (b.currency() == null || b.currency().isBlank()) {
            code = first(code, "missing-field");
            errors.put("currency", "is required");
        } else if (!isCurrency(b.currency().trim()) || !b.currency().trim().equalsIgnoreCase(config.currency())) {
            code = first(code, "unsupported-currency");
            errors.put("currency", "must be " + config.currency());
        }
        if (b.billedAt() == null) {
            code = first(code, "missing-field");
            errors.put("billedAt", "is required (ISO-8601 with offset)");
        } else if (b.billedAt().toInstant().isAfter(now.plus(config.futureTolerance()))) {
            code = first(code, "future-bill");
            errors.put("billedAt", "is in the future");
        } else if (b.billedAt().toInstant().isBefore(OLDEST)) {
            code = first(code, "invalid-date");
            errors.put("billedAt", "is before " + OLDEST.toString().substring(0, 10));
        }
        if (b.storeId() != null && b.storeId().length() > 40) {
            code = first(code, "invalid-store");
            errors.put("storeId", "at most 40 characters");
        } else if (b.storeId() != null && !b.storeId().isBlank() && !knownStore.test(b.storeId().trim())) {
            code = first(code, "unknown-store");
            errors.put("storeId", "is not a store of this retailer (add it under Stores first)");
        }
        if (b.lines() != null) {
            if (b.lines().size() > 500) {
                code = first(code, "invalid-line");
                errors.put("lines", "at most 500 lines");
            }
            for (int i = 0; i < b.lines().size(); i++) {
                BillLine l = b.lines().get(i);
                if (l == null || l.amount() == null || l.amount().signum() < 0
                        || (b.amount() != null && l.amount().compareTo(b.amount()) > 0)
                        || (l.sku() != null && l.sku().length() > 64) || (l.category() != null && l.category().length() > 64)) {
                    code = first(code, "invalid-line");
                    errors.put("lines[" + i + "]", "needs an amount from 0 to the bill amount; sku and category at most 64");
                }
            }
        }
        for (String c : new String[]{b.couponCode(), b.affiliateCode()}) {
            if (c != null && c.length() > 64) {
                code = first(code, "invalid-code");
                errors.put(c == b.couponCode() ? "couponCode" : "affiliateCode", "at most 64 characters");
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejected(Rejected.Kind.INVALID, code, "The bill has invalid fields.", errors);
        }
        Bill clean = new Bill(number, b.storeId(), b.billedAt(), mobile, b.customerName(), b.amount(),
                b.currency().trim().toUpperCase(java.util.Locale.ROOT), b.lines() == null ? java.util.List.of() : b.lines(),
                blankToNull(b.couponCode()), blankToNull(b.affiliateCode()));
        return new Checked(clean, mobile, hash(clean));
    }

    /** Same bill, same hash, however amounts are written (100 vs 100.00) or the offset chosen. */
    static String hash(Bill b) {
        StringBuilder s = new StringBuilder();
        s.append(b.billNumber()).append('|').append(b.storeId()).append('|').append(b.billedAt().toInstant())
                .append('|').append(b.customerMobile()).append('|').append(plain(b.amount())).append('|')
                .append(b.currency()).append('|').append(b.couponCode()).append('|').append(b.affiliateCode());
        for (BillLine l : b.lines()) {
            s.append('|').append(l.sku()).append(',').append(l.category()).append(',').append(plain(l.quantity()))
                    .append(',').append(plain(l.amount()));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static String first(String current, String candidate) {
        return current == null ? candidate : current;
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
