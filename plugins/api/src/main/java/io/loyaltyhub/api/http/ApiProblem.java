package io.loyaltyhub.api.http;

import java.util.Map;

/**
 * A client error, answered as an RFC 9457 problem document. {@code code} is stable: clients may
 * branch on it; {@code detail} is for people.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final Map<String, String> fieldErrors;
    private final Map<String, String> headers;

    public ApiProblem(int status, String code, String title, String detail, Map<String, String> fieldErrors) {
        this(status, code, title, detail, fieldErrors, Map.of());
    }

    private ApiProblem(int status, String code, String title, String detail, Map<String, String> fieldErrors,
                       Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    /** The same problem with a response header, e.g. {@code Retry-After} on a 429 or 503. */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiProblem(status, code, title, getMessage(), fieldErrors, h);
    }

    /** Response headers that go with the problem document. */
    public Map<String, String> headers() {
        return headers;
    }

    public ApiProblem(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(400, code, "Bad request", detail);
    }

    public static ApiProblem invalid(String detail, Map<String, String> fieldErrors) {
        return new ApiProblem(422, "validation-failed", "Validation failed", detail, fieldErrors);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Per-field messages (field name to message), for forms. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
