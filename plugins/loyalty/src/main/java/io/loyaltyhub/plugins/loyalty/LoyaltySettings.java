package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.plugin.PluginDeclaration;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.Extension;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/** The loyalty plugin's settings (no entities: its tables are written with exact SQL). */
@Extension
public class LoyaltySettings implements PluginDeclaration {
    static final String REGION = "default-region";
    static final String CURRENCY = "currency";
    static final String LANGUAGE = "default-language";
    public static final String TIME_ZONE = "time-zone";
    static final String PENDING_HOLD = "pending-hold";
    static final String EXPIRY_MONTHS = "points-expiry-months";
    static final String WARNING_DAYS = "expiry-warning-days";
    static final String TIER_BASIS = "tier-basis";
    static final String TIER_WINDOW = "tier-window-months";
    static final String ENROLL_ON_BILL = "enroll-on-bill";
    static final String FUTURE_TOLERANCE = "future-bill-tolerance";
    static final String MAX_BILL = "max-bill-amount";
    static final String SUPPORT_LIMIT = "support-adjust-limit";
    public static final String WHATSAPP_NUMBER = "whatsapp-number";
    public static final String REFERRAL_LINK = "referral-link";

    static final SettingsSchema SCHEMA = SettingsSchema.of(
            SettingDefinition.of(REGION, SettingType.STRING, "IN", "Country of mobile numbers given without a country code (ISO 3166, e.g. IN).")
                    .label("Default phone region").validatedBy(v -> v.trim().matches("[A-Za-z]{2}") ? Optional.empty()
                            : Optional.of("must be a two-letter country code such as IN")),
            SettingDefinition.of(CURRENCY, SettingType.STRING, "INR", "The currency bills are in (ISO 4217).")
                    .label("Currency").validatedBy(LoyaltySettings::currency),
            SettingDefinition.choice(LANGUAGE, "en", "Language of customers who have not chosen one.", "en", "hi")
                    .label("Default language"),
            SettingDefinition.of(TIME_ZONE, SettingType.STRING, "Asia/Kolkata", "Days (daily caps, expiry, birthdays) are counted in this zone.")
                    .label("Time zone").validatedBy(LoyaltySettings::zone),
            SettingDefinition.of(PENDING_HOLD, SettingType.DURATION, "7d", "Points from a bill are pending (not spendable) for this long: the return window. 0d: at once.")
                    .label("Pending hold"),
            SettingDefinition.of(EXPIRY_MONTHS, SettingType.INTEGER, "12", "Earned points expire this many months after they were earned; 0: never.")
                    .label("Points expire after (months)").validatedBy(SettingValidator.range(0, 120)),
            SettingDefinition.of(WARNING_DAYS, SettingType.INTEGER, "30", "Customers are told this many days before points expire.")
                    .label("Expiry warning (days)").validatedBy(SettingValidator.range(1, 365)),
            SettingDefinition.choice(TIER_BASIS, "lifetime-points", "What qualifies for a tier: points earned ever, or in the last tier-window months.",
                    "lifetime-points", "rolling-points").label("Tier basis"),
            SettingDefinition.of(TIER_WINDOW, SettingType.INTEGER, "12", "Months counted for rolling tier qualification, and between tier reviews (downgrades happen only at a review).")
                    .label("Tier window (months)").validatedBy(SettingValidator.range(1, 60)),
            SettingDefinition.of(ENROLL_ON_BILL, SettingType.BOOLEAN, "false", "Enrol unknown mobile numbers when a bill names them (otherwise such bills are refused).")
                    .label("Enrol on bill"),
            SettingDefinition.of(FUTURE_TOLERANCE, SettingType.DURATION, "15m", "Bills dated further in the future than this are refused (clock skew of tills).")
                    .label("Future bill tolerance"),
            SettingDefinition.of(MAX_BILL, SettingType.DECIMAL, "1000000", "Bills above this amount are refused as implausible.")
                    .label("Largest bill"),
            SettingDefinition.of(SUPPORT_LIMIT, SettingType.INTEGER, "500", "Support staff may adjust a balance by at most this many points at a time.")
                    .label("Support adjustment limit").validatedBy(SettingValidator.range(0, 1_000_000)),
            SettingDefinition.of(WHATSAPP_NUMBER, SettingType.STRING, "", "The business WhatsApp number customers write to, digits with country code (e.g. 919812345678); empty: refer-a-friend links that need it are not shown.")
                    .label("WhatsApp number").validatedBy(v -> v.trim().matches("[0-9]{8,15}") ? Optional.empty()
                            : Optional.of("must be 8 to 15 digits with the country code, no + or spaces, e.g. 919812345678")),
            SettingDefinition.of(REFERRAL_LINK, SettingType.STRING, ReferralLinks.DEFAULT, "The refer-a-friend link customers share; {code} is their code, {number} the WhatsApp number.")
                    .label("Referral link").validatedBy(ReferralLinks::check));

    @Override
    public SettingsSchema settingsSchema() {
        return SCHEMA;
    }

    private static Optional<String> currency(String v) {
        try {
            Currency.getInstance(v.trim());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an ISO 4217 currency code such as INR");
        }
    }

    private static Optional<String> zone(String v) {
        try {
            ZoneId.of(v.trim());
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("must be a time zone id such as Asia/Kolkata");
        }
    }
}
