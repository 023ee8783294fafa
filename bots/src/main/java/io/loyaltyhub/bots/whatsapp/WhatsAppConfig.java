package io.loyaltyhub.bots.whatsapp;

import java.time.Duration;
import java.util.Optional;

/**
 * The WhatsApp Cloud API channel. Without an access token the channel is off; the rest runs.
 *
 * @param apiBaseUrl        {@code https://graph.facebook.com} (tests point it at WireMock)
 * @param apiVersion        e.g. {@code v23.0}
 * @param phoneNumberId     the business phone number's id in Meta's WhatsApp Manager
 * @param accessToken       a system user token; empty: channel off
 * @param appSecret         signs webhook deliveries ({@code X-Hub-Signature-256})
 * @param verifyToken       what Meta sends back in the subscription handshake
 * @param sendRate          messages per second this number may send (Cloud API default 80)
 * @param fallbackTemplate  template for replies outside the 24-hour window when the message has no mapping of its own;
 *                          its single body parameter is the reply's text; empty: such messages fail with 131047
 * @param fallbackLanguage  that template's language code
 * @param timeout           per request to the Graph API
 */
public record WhatsAppConfig(String apiBaseUrl, String apiVersion, String phoneNumberId, Optional<String> accessToken,
                             String appSecret, String verifyToken, int sendRate, String fallbackTemplate,
                             String fallbackLanguage, Duration timeout, String businessAccountId) {

    /** Without a business account id (no message template list). */
    public WhatsAppConfig(String apiBaseUrl, String apiVersion, String phoneNumberId, Optional<String> accessToken,
                          String appSecret, String verifyToken, int sendRate, String fallbackTemplate,
                          String fallbackLanguage, Duration timeout) {
        this(apiBaseUrl, apiVersion, phoneNumberId, accessToken, appSecret, verifyToken, sendRate, fallbackTemplate,
                fallbackLanguage, timeout, "");
    }

    public WhatsAppConfig withBusinessAccountId(String id) {
        return new WhatsAppConfig(apiBaseUrl, apiVersion, phoneNumberId, accessToken, appSecret, verifyToken, sendRate,
                fallbackTemplate, fallbackLanguage, timeout, id == null ? "" : id);
    }

    public static WhatsAppConfig off() {
        return new WhatsAppConfig("https://graph.facebook.com", "v23.0", "", Optional.empty(), "", "", 80, "",
                "en", Duration.ofSeconds(10));
    }

    /** Why the channel cannot run, or empty when it can. */
    public Optional<String> missing() {
        if (accessToken.isEmpty()) {
            return Optional.of("no whatsapp.access-token");
        }
        if (phoneNumberId.isBlank()) {
            return Optional.of("no whatsapp.phone-number-id");
        }
        if (appSecret.isBlank()) {
            return Optional.of("no whatsapp.app-secret (webhooks cannot be verified)");
        }
        return Optional.empty();
    }

    public boolean enabled() {
        return missing().isEmpty();
    }
}
