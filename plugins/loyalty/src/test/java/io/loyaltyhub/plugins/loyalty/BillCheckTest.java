package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillLine;
import io.loyaltyhub.api.common.Rejected;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BillCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private static final java.util.function.Predicate<String> STORES = code -> code.equals("BLR-1");
    private static final LoyaltyConfig CONFIG = new LoyaltyConfig("IN", "INR", "en", ZoneId.of("Asia/Kolkata"),
            Duration.ofDays(7), 12, 30, false, 12, false, Duration.ofMinutes(15), new BigDecimal("1000000"), 500);
    /** Accepts 10-digit numbers as +91 numbers, like libphonenumber for IN mobiles. */
    private static final PhoneNumbers PHONES = (raw, region) -> {
        String digits = raw.replaceAll("\\D", "");
        return digits.length() == 10 ? Optional.of("+91" + digits)
                : digits.length() == 12 && digits.startsWith("91") ? Optional.of("+" + digits) : Optional.empty();
    };

    private static Bill bill(String number, String mobile, String amount, String currency, OffsetDateTime at) {
        return new Bill(number, "BLR-1", at, mobile, null, amount == null ? null : new BigDecimal(amount), currency,
                List.of(), null, null);
    }

    private static Rejected refused(Bill b) {
        return catchThrowableOfType(Rejected.class, () -> BillCheck.check(b, CONFIG, PHONES, STORES, NOW));
    }

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-21T11:00:00+05:30");

    @Test
    void aGoodBillIsNormalised() {
        BillCheck.Checked c = BillCheck.check(bill(" B-1 ", "98450 12345", "100.50", "inr", AT), CONFIG, PHONES, STORES, NOW);
        assertThat(c.mobile()).isEqualTo("+919845012345");
        assertThat(c.bill().billNumber()).isEqualTo("B-1");
        assertThat(c.bill().currency()).isEqualTo("INR");
    }

    @Test
    void eachKindOfBadInputHasItsCode() {
        assertThat(refused(bill("B-1", "123", "10", "INR", AT)).code()).isEqualTo("invalid-mobile");
        assertThat(refused(bill("B-1", "9845012345", "-10", "INR", AT)).code()).isEqualTo("invalid-amount");
        assertThat(refused(bill("B-1", "9845012345", "0", "INR", AT)).code()).isEqualTo("invalid-amount");
        assertThat(refused(bill("B-1", "9845012345", "5000000", "INR", AT)).code()).isEqualTo("invalid-amount");
        assertThat(refused(bill("B-1", "9845012345", "10.001", "INR", AT)).code()).isEqualTo("invalid-amount");
        assertThat(refused(bill("B-1", "9845012345", "10", "XYZ", AT)).code()).isEqualTo("unsupported-currency");
        assertThat(refused(bill("B-1", "9845012345", "10", "USD", AT)).code()).isEqualTo("unsupported-currency");
        assertThat(refused(bill("B-1", "9845012345", "10", "INR", OffsetDateTime.parse("2026-11-21T06:20:00Z")))
                .code()).isEqualTo("future-bill");
        assertThat(refused(bill("B 1", "9845012345", "10", "INR", AT)).code()).isEqualTo("invalid-bill-number");
        Rejected missing = refused(bill(null, null, null, null, null));
        assertThat(missing.code()).isEqualTo("missing-field");
        assertThat(missing.fieldErrors()).containsOnlyKeys("billNumber", "customerMobile", "amount", "currency", "billedAt");
    }

    @Test
    void aBillFromBeforeTheYear2000OrOfAnUnknownStoreIsRefused() {
        assertThat(refused(bill("B-0", "9845012345", "10", "INR", OffsetDateTime.parse("0000-01-01T00:00:00Z")))
                .code()).isEqualTo("invalid-date");
        Bill elsewhere = new Bill("B-5", "MUM-9", AT, "9845012345", null, new BigDecimal("100"), "INR", null, null, null);
        Rejected unknown = refused(elsewhere);
        assertThat(unknown.code()).isEqualTo("unknown-store");
        assertThat(unknown.fieldErrors()).containsOnlyKeys("storeId");
        Bill known = new Bill("B-6", "BLR-1", AT, "9845012345", null, new BigDecimal("100"), "INR", null, null, null);
        assertThat(BillCheck.check(known, CONFIG, PHONES, STORES, NOW).bill().storeId()).isEqualTo("BLR-1");
    }

    @Test
    void withinTheFutureToleranceIsFine() {
        BillCheck.check(bill("B-2", "9845012345", "10", "INR", OffsetDateTime.parse("2026-11-21T06:10:00Z")),
                CONFIG, PHONES, STORES, NOW);
    }

    @Test
    void linesMustFitTheBill() {
        Bill b = new Bill("B-3", null, AT, "9845012345", null, new BigDecimal("100"), "INR",
                List.of(new BillLine("X", "c", BigDecimal.ONE, new BigDecimal("150"))), null, null);
        assertThat(refused(b).code()).isEqualTo("invalid-line");
    }

    @Test
    void theHashIgnoresHowNumbersAndOffsetsAreWritten() {
        Bill a = BillCheck.check(bill("B-4", "9845012345", "100", "INR", AT), CONFIG, PHONES, STORES, NOW).bill();
        Bill b = BillCheck.check(bill("B-4", "+91 98450 12345", "100.00", "INR",
                OffsetDateTime.parse("2026-11-21T05:30:00Z")), CONFIG, PHONES, STORES, NOW).bill();
        assertThat(BillCheck.hash(a)).isEqualTo(BillCheck.hash(b));
        Bill c = BillCheck.check(bill("B-4", "9845012345", "101", "INR", AT), CONFIG, PHONES, STORES, NOW).bill();
        assertThat(BillCheck.hash(c)).isNotEqualTo(BillCheck.hash(a));
    }
}
