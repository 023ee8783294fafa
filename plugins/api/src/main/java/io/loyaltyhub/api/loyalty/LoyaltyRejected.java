package io.loyaltyhub.api.loyalty;

import java.util.Map;

/**
 * A request the loyalty rules refuse; nothing was changed. {@code code} is stable (clients and
 * chat flows branch on it), the message is for people.
 */
public class LoyaltyRejected extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final Map<String, String> fieldErrors;

    public LoyaltyRejected(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public static LoyaltyRejected invalid(String code, String message) {
        return new LoyaltyRejected(Kind.INVALID, code, message, Map.of());
    }

    public static LoyaltyRejected invalid(String message, Map<String, String> fieldErrors) {
        return new LoyaltyRejected(Kind.INVALID, "validation-failed", message, fieldErrors);
    }

    public static LoyaltyRejected notFound(String code, String message) {
        return new LoyaltyRejected(Kind.NOT_FOUND, code, message, Map.of());
    }

    public static LoyaltyRejected conflict(String code, String message) {
        return new LoyaltyRejected(Kind.CONFLICT, code, message, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
