package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;


/** {@code /api/v1/rewards}: the catalog, what a customer can redeem, redemption, their vouchers. */
@Extension
public class RewardsEndpoint implements ApiEndpoint {
    public record Redemption(Long customerId) {
    }

    private final PluginContext context;

    public RewardsEndpoint(PluginContext context) {
        this.context = context;
    }

    private RewardsService rewards() {
        return context.service(RewardsService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "rewards";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "rewards:read", "The catalog (?all=true includes inactive rewards)", Reward[].class,
                        r -> ApiResponse.ok(rewards().catalog(r.query("all").map(Boolean::parseBoolean).orElse(false))))
                        .query(QueryParam.bool("all", "true: inactive rewards too")),
                ApiRoute.post("/", "rewards:write", "Add a reward", RewardDraft.class, Reward.class, this::create).created(),
                ApiRoute.put("/{id}", "rewards:write", "Change a reward (stock, dates, tier, limit, active)",
                        RewardDraft.class, Reward.class, this::update),
                ApiRoute.get("/available/{customerId}", "rewards:read", "Rewards the customer can redeem now",
                        Reward[].class, r -> ApiResponse.ok(rewards().availableFor(r.idParam("customerId")))),
                ApiRoute.post("/{id}/redemptions", "points:write",
                        "Redeem a reward for a customer: debits points, answers the voucher; needs an Idempotency-Key header",
                        Redemption.class, Voucher.class, this::redeem).created(),
                ApiRoute.get("/vouchers/{customerId}", "rewards:read", "A customer's vouchers, newest first",
                        Voucher[].class, r -> ApiResponse.ok(rewards().vouchersOf(r.idParam("customerId")))));
    }

    private ApiResponse create(ApiRequest r) {
        RewardDraft d = r.body(RewardDraft.class);
        Reward saved = rewards().saveReward(r.actor(), new RewardDraft(null, d.name(), d.description(), d.pointsCost(),
                d.stock(), d.validFrom(), d.validTo(), d.minTier(), d.perCustomerLimit(), d.voucherDays(), d.active()));
        return ApiResponse.created("/api/v1/rewards/" + saved.id(), saved);
    }

    private ApiResponse update(ApiRequest r) {
        RewardDraft d = r.body(RewardDraft.class);
        return ApiResponse.ok(rewards().saveReward(r.actor(), new RewardDraft(r.idParam("id"), d.name(), d.description(),
                d.pointsCost(), d.stock(), d.validFrom(), d.validTo(), d.minTier(), d.perCustomerLimit(), d.voucherDays(),
                d.active())));
    }

    private ApiResponse redeem(ApiRequest r) {
        String key = r.header("Idempotency-Key").orElseThrow(() -> ApiProblem.badRequest("missing-idempotency-key",
                "Send an Idempotency-Key header so a retried request does not redeem twice."));
        Redemption body = r.body(Redemption.class);
        if (body.customerId() == null) {
            throw ApiProblem.invalid("customerId is required", java.util.Map.of("customerId", "is required"));
        }
        Voucher v = rewards().redeem(r.actor(), body.customerId(), r.idParam("id"), key);
        return ApiResponse.created("/api/v1/vouchers/" + v.code(), v);
    }
}
