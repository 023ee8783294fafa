package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.platform.AuditEntry;
import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.AuditQuery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /api/v1/audit?actor=&entityType=&from=&to=&limit=}: the audit log, newest first. */
public final class AuditEndpoint implements ApiEndpoint {
    private final AuditLog audit;

    public AuditEndpoint(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public String area() {
        return "audit";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/", "audit:read", "Search the audit log", AuditEntry[].class, this::search)
                .query(QueryParam.text("actor", "who, e.g. staff:admin"), QueryParam.text("entityType", "e.g. customer"),
                        QueryParam.text("from", "a date or instant (inclusive)"), QueryParam.text("to", "a date or instant (exclusive)"), QueryParam.integer("limit", "at most this many")));
    }

    private ApiResponse search(ApiRequest r) {
        int limit;
        try {
            limit = r.query("limit").map(Integer::parseInt).orElse(200);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", "limit must be a whole number");
        }
        return ApiResponse.ok(audit.search(new AuditQuery(r.query("actor").orElse(null),
                r.query("entityType").orElse(null), time(r, "from"), time(r, "to"), limit)));
    }

    private static Instant time(ApiRequest r, String name) {
        try {
            return r.query(name).map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-query", name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
