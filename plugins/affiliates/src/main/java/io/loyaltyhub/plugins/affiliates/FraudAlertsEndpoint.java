package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.FraudAlert;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;


/** {@code /api/v1/fraud-alerts}: the review queue and decisions. */
@Extension
public class FraudAlertsEndpoint implements ApiEndpoint {
    public record Resolution(Boolean confirmed, String note) {
    }

    private final FraudChecks fraud;

    public FraudAlertsEndpoint(PluginContext context) {
        this.fraud = new FraudChecks(context);
    }

    @Override
    public String area() {
        return "fraud-alerts";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "affiliates:read", "Fraud alerts, newest first (?open=true for the review queue, ?limit=)",
                        FraudAlert[].class, this::list).query(QueryParam.bool("open", "true: only the review queue"), QueryParam.integer("limit", "at most this many")),
                ApiRoute.get("/{id}", "affiliates:read", "A fraud alert with its evidence", FraudAlert.class,
                        r -> ApiResponse.ok(fraud.find(r.idParam("id")).orElseThrow(() -> ApiProblem.notFound(
                                "No fraud alert " + r.pathParam("id"))))),
                ApiRoute.post("/{id}/resolve", "affiliates:write", "Decide an alert: confirmed fraud rejects what it holds, "
                        + "a false alarm releases it", Resolution.class, FraudAlert.class, this::resolve).optionalBody());
    }

    private ApiResponse list(ApiRequest r) {
        String open = r.query("open").map(String::trim).orElse("false");
        if (!open.equals("true") && !open.equals("false")) {
            throw ApiProblem.badRequest("invalid-query", "open must be true or false");
        }
        return ApiResponse.ok(fraud.alerts(open.equals("true"), Rest.limit(r, 50)));
    }

    private ApiResponse resolve(ApiRequest r) {
        Resolution res = r.hasBody() ? r.body(Resolution.class) : new Resolution(null, null);
        if (res.confirmed() == null) {
            throw ApiProblem.invalid("confirmed is required", Map.of("confirmed", "true (fraud) or false (false alarm)"));
        }
        return ApiResponse.ok(fraud.resolve(r.actor(), r.idParam("id"), res.confirmed(), res.note()));
    }
}
