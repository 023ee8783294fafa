package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.plugin.PluginDeclaration;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.plugin.SettingValidator;
import io.loyaltyhub.api.plugin.SettingsSchema;
import org.pf4j.Extension;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Optional;

/** The affiliates plugin's settings (no entities: its tables are written with exact SQL). */
@Extension
public class AffiliatesSettings implements PluginDeclaration {
    static final String PUBLIC_BASE_URL = "public-base-url";
    static final String FALLBACK_URL = "fallback-url";
    static final String ALLOWED_TARGET_HOSTS = "allowed-target-hosts";
    static final String ANONYMISE_IP = "anonymise-ip";
    static final String GEOIP_DATABASE = "geoip-database";
    static final String ATTRIBUTION_WINDOW_DAYS = "attribution-window-days";
    static final String CLICK_RETENTION_DAYS = "click-retention-days";
    static final String ATTRIBUTION_MODEL = "attribution-model";
    static final String CURRENCY = "currency";
    static final String REGION = "default-region";

    static final SettingsSchema SCHEMA = CommissionSettings.extend(SettingsSchema.of( // + commissions, payouts, fraud
            SettingDefinition.of(PUBLIC_BASE_URL, SettingType.URL, "http://localhost:8080",
                            "Where this server is reached from the internet; referral links are <this>/r/<code>.")
                    .label("Public base URL"),
            SettingDefinition.of(FALLBACK_URL, SettingType.STRING, "",
                            "Where /r/<code> sends visitors when the code is unknown; empty: the public base URL.")
                    .label("Fallback URL").validatedBy(AffiliatesSettings::emptyOrHttpUrl),
            SettingDefinition.of(ALLOWED_TARGET_HOSTS, SettingType.STRING, "",
                            "Hosts links may send visitors to, comma-separated: shop.example.com, *.example.com "
                                    + "(any subdomain) or * (any host). The public base URL's host is always allowed.")
                    .label("Allowed target hosts").validatedBy(TargetUrls::checkAllowList),
            SettingDefinition.of(ANONYMISE_IP, SettingType.BOOLEAN, "false",
                            "Store visitors' IP addresses shortened (IPv4 to /24, IPv6 to /48).")
                    .label("Anonymise IP addresses"),
            SettingDefinition.of(GEOIP_DATABASE, SettingType.STRING, "",
                            "Path of a MaxMind GeoIP2/GeoLite2 City database (.mmdb) for country, region and city "
                                    + "of clicks; empty: unknown.")
                    .label("GeoIP database").validatedBy(AffiliatesSettings::emptyOrReadableFile),
            SettingDefinition.of(ATTRIBUTION_WINDOW_DAYS, SettingType.INTEGER, "90",
                            "A customer's bills count for the affiliate who referred them for this many days.")
                    .label("Attribution window (days)").validatedBy(SettingValidator.range(1, 3650)),
            SettingDefinition.of(CLICK_RETENTION_DAYS, SettingType.INTEGER, "400",
                            "Clicks older than this many days are kept only as daily counts per link (figures stay the "
                                    + "same; IPs, devices and places go). Never less than the attribution window. 0: keep every click.")
                    .label("Keep clicks (days)").validatedBy(SettingValidator.range(0, 3650)),
            SettingDefinition.choice(ATTRIBUTION_MODEL, "last-touch",
                            "Which affiliate gets a bill when several referred the customer: the first or the last.",
                            "first-touch", "last-touch")
                    .label("Attribution model"),
            SettingDefinition.of(CURRENCY, SettingType.STRING, "INR", "The currency of revenue and commissions (ISO 4217).")
                    .label("Currency").validatedBy(AffiliatesSettings::currency),
            SettingDefinition.of(REGION, SettingType.STRING, "IN",
                            "Country of affiliates' mobile numbers given without a country code (ISO 3166, e.g. IN).")
                    .label("Default phone region").validatedBy(v -> v.trim().matches("[A-Za-z]{2}") ? Optional.empty()
                            : Optional.of("must be a two-letter country code such as IN"))));

    @Override
    public SettingsSchema settingsSchema() {
        return SCHEMA;
    }

    private static Optional<String> currency(String v) {
        try {
            Currency.getInstance(v.trim());
            return v.trim().matches("[A-Z]{3}") ? Optional.empty() : Optional.of("must be an ISO 4217 currency code such as INR");
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an ISO 4217 currency code such as INR");
        }
    }

    private static Optional<String> emptyOrHttpUrl(String v) {
        if (v.isBlank()) {
            return Optional.empty();
        }
        return TargetUrls.parse(v.trim()).isPresent() ? Optional.empty()
                : Optional.of("must be empty or an absolute http(s) URL without user info");
    }

    private static Optional<String> emptyOrReadableFile(String v) {
        if (v.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(v.trim());
            return Files.isRegularFile(p) && Files.isReadable(p) ? Optional.empty()
                    : Optional.of("no readable file at " + v.trim());
        } catch (InvalidPathException e) {
            return Optional.of("not a file path");
        }
    }
}
