package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.plugin.PluginSettings;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The settings, typed, as one value per call (so one request sees one consistent set). */
record AffiliatesConfig(String publicBaseUrl, String fallbackUrl, List<String> allowedHosts, boolean anonymiseIp,
                        String geoipDatabase, int attributionWindowDays, boolean firstTouch, String currency,
                        String region) {

    static AffiliatesConfig from(PluginSettings s) {
        String base = s.string(AffiliatesSettings.PUBLIC_BASE_URL).trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String fallback = s.string(AffiliatesSettings.FALLBACK_URL).trim();
        return new AffiliatesConfig(base, fallback.isEmpty() ? base + "/" : URI.create(fallback).toASCIIString(),
                TargetUrls.allowList(s.string(AffiliatesSettings.ALLOWED_TARGET_HOSTS)),
                s.flag(AffiliatesSettings.ANONYMISE_IP),
                s.string(AffiliatesSettings.GEOIP_DATABASE).trim(),
                (int) s.number(AffiliatesSettings.ATTRIBUTION_WINDOW_DAYS),
                s.string(AffiliatesSettings.ATTRIBUTION_MODEL).equals("first-touch"),
                s.string(AffiliatesSettings.CURRENCY).trim().toUpperCase(Locale.ROOT),
                s.string(AffiliatesSettings.REGION).trim().toUpperCase(Locale.ROOT));
    }

    /** The host of the public base URL: links to this server's own site are always allowed. */
    String baseHost() {
        return TargetUrls.host(URI.create(publicBaseUrl));
    }
}
