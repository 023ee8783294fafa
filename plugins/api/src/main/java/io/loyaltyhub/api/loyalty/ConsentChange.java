package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/**
 * One change of a customer's consent: to be messaged at all ({@code kind} "messages": joined, START, STOP) or to
 * marketing messages ({@code kind} "marketing": START OFFERS, STOP OFFERS, WhatsApp's own stop and resume).
 *
 * @param source where it happened: "whatsapp", "pos", "admin", "api", "import", "whatsapp:131050",
 *               "whatsapp:user_preferences"
 */
public record ConsentChange(boolean given, String source, Instant at, String kind) {
    public static final String MESSAGES = "messages";
    public static final String MARKETING = "marketing";
}
