package io.loyaltyhub.api.http;

import java.util.Map;

/** What a route answers: a status and a JSON-encodable body (or none). */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, body, Map.of("Location", location));
    }

    /**
     * A 302 to {@code location}, with extra headers (e.g. {@code Set-Cookie}, {@code Cache-Control}).
     */
    public static ApiResponse redirect(String location, Map<String, String> headers) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put("Location", location);
        return new ApiResponse(302, null, h);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }
}
