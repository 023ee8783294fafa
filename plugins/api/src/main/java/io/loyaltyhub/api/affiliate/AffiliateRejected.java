package io.loyaltyhub.api.affiliate;

import java.util.Map;

/** A refused affiliate operation, with a stable code (e.g. {@code payout-below-minimum}). */
public class AffiliateRejected extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final Map<String, String> fieldErrors;

    public AffiliateRejected(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public AffiliateRejected(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
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
