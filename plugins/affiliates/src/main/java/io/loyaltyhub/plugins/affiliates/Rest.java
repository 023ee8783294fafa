package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.AffiliateRejected;
import io.loyaltyhub.api.http.ApiHandler;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Turns affiliate refusals into problem documents: invalid 422, not found 404, conflict 409. */
final class Rest {
    private Rest() {
    }

    static ApiHandler guarded(ApiHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (AffiliateRejected e) {
                throw switch (e.kind()) {
                    case INVALID -> new ApiProblem(422, e.code(), "Validation failed", e.getMessage(), e.fieldErrors());
                    case NOT_FOUND -> new ApiProblem(404, e.code(), "Not found", e.getMessage());
                    case CONFLICT -> new ApiProblem(409, e.code(), "Conflict", e.getMessage());
                };
            }
        };
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
