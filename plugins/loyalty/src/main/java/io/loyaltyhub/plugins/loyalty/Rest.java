package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiProblem;

/** Query parameters of the loyalty plugin's routes: a refused one is a 400 problem. */
final class Rest {
    private Rest() {
    }

    static int limit(io.loyaltyhub.api.http.ApiRequest r, int fallback) {
        try {
            return r.query("limit").map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", "limit must be a whole number");
        }
    }
}
