package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;


/** {@code /api/v1/commission-plans}: plans as data (an affiliate's planId names one; none: the default plan). */
@Extension
public class PlansEndpoint implements ApiEndpoint {
    public record PlanDraft(String name, Map<String, Object> params) {
    }

    private final Plans plans;

    public PlansEndpoint(PluginContext context) {
        this.plans = new Plans(context);
    }

    @Override
    public String area() {
        return "commission-plans";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "affiliates:read", "Commission plans by name", Plans.PlanView[].class,
                        r -> ApiResponse.ok(plans.list())),
                ApiRoute.get("/{id}", "affiliates:read", "A commission plan", Plans.PlanView.class,
                        r -> ApiResponse.ok(plans.find(r.idParam("id")).orElseThrow(() -> Plans.unknown(r.idParam("id"))))),
                ApiRoute.post("/", "affiliates:write", "Create a plan (name, params: {type: PERCENT|FLAT|TIERED|CATEGORY, ...})",
                        PlanDraft.class, Plans.PlanView.class, this::create).created(),
                ApiRoute.put("/{id}", "affiliates:write", "Change a plan's name or params (absent: unchanged); applies to "
                        + "bills from now on", PlanDraft.class, Plans.PlanView.class, this::update));
    }

    private ApiResponse create(ApiRequest r) {
        PlanDraft d = r.hasBody() ? r.body(PlanDraft.class) : new PlanDraft(null, null);
        Plans.PlanView p = plans.create(r.actor(), d.name(), d.params());
        return ApiResponse.created("/api/v1/commission-plans/" + p.id(), p);
    }

    private ApiResponse update(ApiRequest r) {
        PlanDraft d = r.hasBody() ? r.body(PlanDraft.class) : new PlanDraft(null, null);
        return ApiResponse.ok(plans.update(r.actor(), r.idParam("id"), d.name(), d.params()));
    }
}
