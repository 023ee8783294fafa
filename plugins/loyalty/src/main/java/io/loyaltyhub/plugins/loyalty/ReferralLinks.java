package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.plugin.PluginSettings;

import java.util.Optional;

/** The refer-a-friend link: the {@code referral-link} setting with the customer's code and the WhatsApp number in it. */
public final class ReferralLinks {
    /** Opens a chat with the business with "JOIN CODE" typed in. */
    static final String DEFAULT = "https://wa.me/{number}?text=JOIN%20{code}";

    private ReferralLinks() {
    }

    /** The link for {@code code}; empty when it needs the WhatsApp number and none is set. */
    public static Optional<String> link(PluginSettings settings, String code) {
        String template = settings.string(LoyaltySettings.REFERRAL_LINK).trim();
        String number = settings.string(LoyaltySettings.WHATSAPP_NUMBER).trim();
        if (template.isEmpty() || (template.contains("{number}") && number.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(template.replace("{number}", number).replace("{code}", code));
    }

    static Optional<String> check(String value) {
        String v = value.trim();
        if (!(v.startsWith("https://") || v.startsWith("http://")) || !v.contains("{code}") || v.contains(" ")) {
            return Optional.of("must be an http(s) link without spaces containing {code}, e.g. " + DEFAULT);
        }
        return Optional.empty();
    }
}
