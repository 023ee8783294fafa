package io.loyaltyhub.api.common;

import java.util.Map;

/**
 * A refusal, the one every plugin throws: a stable {@code code} clients and screens may branch on, a kind that says
 * what went wrong, a message for people, and per-field details for forms. The host answers it over REST as an
 * RFC 9457 problem (invalid 422, not found 404, conflict 409, forbidden 403); the admin UI shows it through one
 * helper.
 */
public class Rejected extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String code;
    private final Map<String, String> fieldErrors;

    public Rejected(Kind kind, String code, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public Rejected(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    public static Rejected invalid(String code, String message) {
        return new Rejected(Kind.INVALID, code, message, Map.of());
    }

    public static Rejected invalid(String message, Map<String, String> fieldErrors) {
        return new Rejected(Kind.INVALID, "validation-failed", message, fieldErrors);
    }

    public static Rejected notFound(String code, String message) {
        return new Rejected(Kind.NOT_FOUND, code, message, Map.of());
    }

    public static Rejected conflict(String code, String message) {
        return new Rejected(Kind.CONFLICT, code, message, Map.of());
    }

    public static Rejected forbidden(String code, String message) {
        return new Rejected(Kind.FORBIDDEN, code, message, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** Per-field messages (field name to message), for forms. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
