package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.loyalty.CouponCheck;
import io.loyaltyhub.api.loyalty.CouponKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Promo code checks and their use on bills. */
final class Coupons {
    private Coupons() {
    }

    record Coupon(String code, CouponKind kind, BigDecimal value, BigDecimal minBill, int maxUses, int uses,
                  Instant validFrom, Instant validTo, String issuedTo) {
    }

    static Optional<Coupon> find(SqlRunner sql, String code, boolean lock) {
        return sql.one("SELECT c.code, b.kind, b.value, b.min_bill, b.max_uses, c.uses, b.valid_from, b.valid_to, "
                        + "b.issued_to FROM loyalty_coupon c JOIN loyalty_coupon_batch b ON b.id = c.batch_id "
                        + "WHERE c.code = ?" + (lock ? " FOR UPDATE" : ""),
                rs -> new Coupon(rs.getString(1), CouponKind.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getInt(5), rs.getInt(6), SqlRunner.instant(rs, "valid_from"),
                        SqlRunner.instant(rs, "valid_to"), rs.getString(9)), normalise(code));
    }

    static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    static CouponCheck check(Optional<Coupon> found, String code, BigDecimal amount, String mobile, Instant now) {
        if (found.isEmpty()) {
            return new CouponCheck(normalise(code), false, "unknown-coupon", BigDecimal.ZERO, null, null);
        }
        Coupon c = found.get();
        String reason = null;
        if (c.validFrom() != null && now.isBefore(c.validFrom())) {
            reason = "coupon-not-started";
        } else if (c.validTo() != null && !now.isBefore(c.validTo())) {
            reason = "coupon-expired";
        } else if (c.uses() >= c.maxUses()) {
            reason = "coupon-used-up";
        } else if (amount != null && amount.compareTo(c.minBill()) < 0) {
            reason = "below-minimum-bill";
        } else if (c.issuedTo() != null && !c.issuedTo().equals(mobile)) {
            reason = "not-your-coupon";
        }
        BigDecimal discount = BigDecimal.ZERO;
        if (reason == null && amount != null) {
            discount = c.kind() == CouponKind.PERCENT
                    ? amount.multiply(c.value()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                    : c.value().min(amount);
        }
        return new CouponCheck(c.code(), reason == null, reason, discount, c.kind(), c.value());
    }

    /** Records the use of a code on a bill (once per bill); returns the check that decided it. */
    static CouponCheck useOnBill(SqlRunner sql, String code, BigDecimal amount, String mobile, String billNumber,
                                 long customerId, Instant now) {
        CouponCheck check = check(find(sql, code, true), code, amount, mobile, now);
        if (check.valid()) {
            int fresh = sql.update("INSERT IGNORE INTO loyalty_coupon_use (code, bill_number, customer_id, used_at) "
                    + "VALUES (?, ?, ?, ?)", check.code(), billNumber, customerId, now);
            if (fresh == 1) {
                sql.update("UPDATE loyalty_coupon SET uses = uses + 1 WHERE code = ?", check.code());
            }
        }
        return check;
    }
}
