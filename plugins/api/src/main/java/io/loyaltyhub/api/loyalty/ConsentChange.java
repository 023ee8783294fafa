package io.loyaltyhub.api.loyalty;

import java.time.Instant;

/**
 * One change of a customer's consent to be messaged: given (joined, START) or withdrawn (STOP).
 *
 * @param source where it happened: "whatsapp", "pos", "admin", "api", "import"
 */
public record ConsentChange(boolean given, String source, Instant at) {
}
