package io.loyaltyhub.api.loyalty;

import java.time.Instant;
import java.util.Map;

/**
 * An earning rule as data. Types and their params: BASE_RATE {pointsPerUnit, rounding, minimumBill},
 * CATEGORY_MULTIPLIER {category, multiplier}, SKU_MULTIPLIER {sku, multiplier}, CAMPAIGN {multiplier,
 * bonusPoints, daysOfWeek, fromTime, toTime}, BILL_CAP {maxPoints}, DAILY_CAP {maxPoints},
 * BONUS {event: FIRST_PURCHASE|BIRTHDAY|SIGN_UP|PROFILE_COMPLETED|REFERRAL, points}.
 *
 * @param id null to create
 */
public record EarningRule(Long id, String name, String type, boolean active, Map<String, Object> params,
                          Instant validFrom, Instant validTo) {
}
