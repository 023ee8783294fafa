package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.plugin.PluginSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/** The settings, typed, as one value per call (so one operation sees one consistent set). */
record LoyaltyConfig(String region, String currency, String language, ZoneId zone, Duration pendingHold,
                     int expiryMonths, int warningDays, boolean rollingTiers, int tierWindowMonths,
                     boolean enrollOnBill, Duration futureTolerance, BigDecimal maxBill, long supportLimit) {

    static LoyaltyConfig from(PluginSettings s) {
        return new LoyaltyConfig(
                s.string(LoyaltySettings.REGION).trim().toUpperCase(Locale.ROOT),
                s.string(LoyaltySettings.CURRENCY).trim().toUpperCase(Locale.ROOT),
                s.string(LoyaltySettings.LANGUAGE),
                ZoneId.of(s.string(LoyaltySettings.TIME_ZONE).trim()),
                s.duration(LoyaltySettings.PENDING_HOLD),
                (int) s.number(LoyaltySettings.EXPIRY_MONTHS),
                (int) s.number(LoyaltySettings.WARNING_DAYS),
                s.string(LoyaltySettings.TIER_BASIS).equals("rolling-points"),
                (int) s.number(LoyaltySettings.TIER_WINDOW),
                s.flag(LoyaltySettings.ENROLL_ON_BILL),
                s.duration(LoyaltySettings.FUTURE_TOLERANCE),
                s.decimal(LoyaltySettings.MAX_BILL),
                s.number(LoyaltySettings.SUPPORT_LIMIT));
    }
}
