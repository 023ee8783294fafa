package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Query parameters of the affiliates plugin's routes: a refused one is a 400 problem. */
final class Rest {
    private Rest() {
    }

    static int limit(ApiRequest r, int fallback) {
        try {
            return r.query("limit").map(String::trim).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", "limit must be a whole number");
        }
    }

    /**
     * A time from the query: an ISO instant ({@code 2026-11-01T00:00:00Z}) or a date ({@code 2026-11-01}, the start
     * of that day in UTC; for an end, {@code endOfDay} takes the start of the next day so the day is included).
     */
    static Optional<Instant> time(ApiRequest r, String name, boolean endOfDay) {
        Optional<String> raw = r.query(name).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String s = raw.get();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return Optional.of((endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-query", name + " must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
        }
    }
}
