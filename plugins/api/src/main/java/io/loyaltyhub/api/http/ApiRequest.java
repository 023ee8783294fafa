package io.loyaltyhub.api.http;

import io.loyaltyhub.api.platform.Actor;

import java.util.Optional;

/** A request as a route handler sees it, after authentication and the scope check. */
public interface ApiRequest {

    /** A path parameter, e.g. {@code id} of {@code /{id}}. */
    String pathParam(String name);

    Optional<String> query(String name);

    Optional<String> header(String name);

    /** Whether the request carries a body (for routes where it is optional). */
    boolean hasBody();

    /**
     * The JSON body as the given type.
     *
     * @throws ApiProblem 400 {@code malformed-json} or {@code invalid-body} when it does not parse
     */
    <T> T body(Class<T> type);

    /** The caller's IP address as the server sees it (the direct peer). */
    String clientAddress();

    /** Who is calling: a staff user or an API key; null only on {@link ApiRoute#PUBLIC} routes. */
    Actor actor();

    /** Parses a path parameter as a positive long, or answers 404 {@code not-found}. */
    default long idParam(String name) {
        String raw = pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // fall through: an id that cannot exist
        }
        throw ApiProblem.notFound("No such " + name + ": " + raw);
    }

    /** A whole number from the query, or {@code fallback} when absent; anything else is a 400 problem. */
    default int queryInt(String name, int fallback) {
        try {
            return query(name).map(String::trim).filter(v -> !v.isEmpty()).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", name + " must be a whole number");
        }
    }

    /**
     * A time from the query: an ISO instant ({@code 2026-11-01T00:00:00Z}) or a date ({@code 2026-11-01}, the start of
     * that day in UTC; with {@code endOfDay} the start of the next, so the day is included). Else a 400 problem.
     */
    default java.util.Optional<java.time.Instant> queryTime(String name, boolean endOfDay) {
        java.util.Optional<String> raw = query(name).map(String::trim).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return java.util.Optional.empty();
        }
        String v = raw.get();
        try {
            if (v.length() == 10) {
                java.time.LocalDate d = java.time.LocalDate.parse(v);
                return java.util.Optional.of((endOfDay ? d.plusDays(1) : d).atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant());
            }
            return java.util.Optional.of(java.time.Instant.parse(v));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-query", name
                    + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
        }
    }
}
