package io.loyaltyhub.api.http;

import java.util.Objects;

/**
 * A query parameter a route reads, for its documentation ({@code /openapi}). Query parameters are
 * optional; the handler refuses bad values itself with a 4xx problem.
 *
 * @param type {@code string}, {@code integer}, {@code boolean}, {@code date} or {@code date-time}
 */
public record QueryParam(String name, String type, String description) {
    public QueryParam {
        Objects.requireNonNull(name, "name");
        if (!java.util.Set.of("string", "integer", "boolean", "date", "date-time").contains(type)) {
            throw new IllegalArgumentException("query parameter type " + type);
        }
        description = description == null ? "" : description;
    }

    public static QueryParam text(String name, String description) {
        return new QueryParam(name, "string", description);
    }

    public static QueryParam integer(String name, String description) {
        return new QueryParam(name, "integer", description);
    }

    public static QueryParam bool(String name, String description) {
        return new QueryParam(name, "boolean", description);
    }

    /** A day ({@code 2026-12-01}) or, where the route says so, an instant. */
    public static QueryParam date(String name, String description) {
        return new QueryParam(name, "string", description);
    }
}
