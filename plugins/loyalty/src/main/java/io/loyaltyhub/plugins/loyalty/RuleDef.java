package io.loyaltyhub.plugins.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An earning rule as stored: a type and its parameters.
 * <ul>
 * <li>BASE_RATE {pointsPerUnit, rounding FLOOR|HALF_UP|CEILING, minimumBill}</li>
 * <li>CATEGORY_MULTIPLIER {category, multiplier}; SKU_MULTIPLIER {sku, multiplier}</li>
 * <li>CAMPAIGN {multiplier?, bonusPoints?, daysOfWeek? ["SAT","SUN"], fromTime? "10:00", toTime? "14:00"}
 * within validFrom..validTo</li>
 * <li>BILL_CAP {maxPoints}; DAILY_CAP {maxPoints}</li>
 * <li>BONUS {event FIRST_PURCHASE|BIRTHDAY|SIGN_UP|PROFILE_COMPLETED|REFERRAL, points}</li>
 * </ul>
 */
record RuleDef(long id, String name, Type type, boolean active, Map<String, Object> params, Instant validFrom,
               Instant validTo) {

    enum Type { BASE_RATE, CATEGORY_MULTIPLIER, SKU_MULTIPLIER, CAMPAIGN, BILL_CAP, DAILY_CAP, BONUS }

    boolean appliesAt(Instant at) {
        return active && (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }

    String text(String key) {
        Object v = params.get(key);
        return v == null ? null : v.toString();
    }

    BigDecimal decimal(String key, BigDecimal fallback) {
        String v = text(key);
        return v == null || v.isBlank() ? fallback : new BigDecimal(v);
    }

    long number(String key, long fallback) {
        String v = text(key);
        return v == null || v.isBlank() ? fallback : new BigDecimal(v).longValueExact();
    }
}
