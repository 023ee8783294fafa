package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiHandler;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.loyalty.LoyaltyRejected;

/** Turns loyalty refusals into problem documents: invalid 422, not found 404, conflict 409. */
final class Rest {
    private Rest() {
    }

    static ApiHandler guarded(ApiHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (LoyaltyRejected e) {
                throw switch (e.kind()) {
                    case INVALID -> new ApiProblem(422, e.code(), "Validation failed", e.getMessage(), e.fieldErrors());
                    case NOT_FOUND -> new ApiProblem(404, e.code(), "Not found", e.getMessage());
                    case CONFLICT -> new ApiProblem(409, e.code(), "Conflict", e.getMessage());
                };
            }
        };
    }

    static int limit(io.loyaltyhub.api.http.ApiRequest r, int fallback) {
        try {
            return r.query("limit").map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", "limit must be a whole number");
        }
    }
}
