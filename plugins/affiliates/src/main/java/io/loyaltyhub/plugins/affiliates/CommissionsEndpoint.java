package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.Commission;
import io.loyaltyhub.api.affiliate.CommissionStatus;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


/** {@code /api/v1/commissions}: list, approve, reject, bulk approve. Deciding needs affiliates:write (not support). */
@Extension
public class CommissionsEndpoint implements ApiEndpoint {
    public record Reason(String reason) {
    }

    public record BulkApproval(List<Long> ids) {
    }

    public record BulkApproved(int approved, int requested) {
    }

    private final Commissions commissions;

    public CommissionsEndpoint(PluginContext context) {
        this.commissions = new Commissions(context, new FraudChecks(context));
    }

    @Override
    public String area() {
        return "commissions";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "affiliates:read", "Commissions, newest first (?status=PENDING|APPROVED|PAID|REJECTED|REVERSED, "
                        + "?affiliateId=, ?limit=)", Commission[].class, this::list).query(QueryParam.text("status",
                        "PENDING, APPROVED, PAID, REJECTED or REVERSED"), QueryParam.integer("affiliateId", "one affiliate's"), QueryParam.integer("limit", "at most this many")),
                ApiRoute.get("/{id}", "affiliates:read", "A commission", Commission.class,
                        r -> ApiResponse.ok(commissions.find(r.idParam("id"))
                                .orElseThrow(() -> Commissions.unknown(r.idParam("id"))))),
                ApiRoute.post("/{id}/approve", "affiliates:write", "Approve a pending commission (refused while a fraud "
                        + "alert holds it)", null, Commission.class,
                        r -> ApiResponse.ok(commissions.approve(r.actor(), r.idParam("id")))),
                ApiRoute.post("/{id}/reject", "affiliates:write", "Reject a pending or approved (unpaid) commission with a reason",
                        Reason.class, Commission.class, r -> ApiResponse.ok(commissions.reject(r.actor(), r.idParam("id"),
                                r.hasBody() ? r.body(Reason.class).reason() : null))).optionalBody(),
                ApiRoute.post("/bulk-approve", "affiliates:write", "Approve many pending commissions (ids); answers how many "
                        + "were approved", BulkApproval.class, BulkApproved.class, this::bulk));
    }

    private ApiResponse list(ApiRequest r) {
        return ApiResponse.ok(commissions.list(longQuery(r, "affiliateId").orElse(null),
                status(r, CommissionStatus.class), Rest.limit(r, 50)));
    }

    private ApiResponse bulk(ApiRequest r) {
        List<Long> ids = r.hasBody() ? r.body(BulkApproval.class).ids() : null;
        if (ids == null || ids.isEmpty() || ids.stream().anyMatch(id -> id == null || id <= 0)) {
            throw ApiProblem.invalid("ids must be a list of commission ids", Map.of("ids", "must be a list of commission ids"));
        }
        return ApiResponse.ok(new BulkApproved(commissions.approveAll(r.actor(), ids), ids.size()));
    }

    static Optional<Long> longQuery(ApiRequest r, String name) {
        Optional<String> raw = r.query(name).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.get()));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", name + " must be a whole number");
        }
    }

    static <E extends Enum<E>> E status(ApiRequest r, Class<E> type) {
        Optional<String> raw = r.query("status").map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-query", "status must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
