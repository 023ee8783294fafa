package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.loyalty.CouponBatch;
import io.loyaltyhub.api.loyalty.CouponBatchDraft;
import io.loyaltyhub.api.loyalty.CouponCheck;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.util.List;


/** {@code /api/v1/coupons}: promo code batches and checking a code against a bill. */
@Extension
public class CouponsEndpoint implements ApiEndpoint {
    public record Validation(String code, BigDecimal amount, String customerMobile) {
    }

    private final PluginContext context;

    public CouponsEndpoint(PluginContext context) {
        this.context = context;
    }

    private RewardsService rewards() {
        return context.service(RewardsService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "coupons";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "coupons:read", "Promo code batches with use counts", CouponBatch[].class,
                        r -> ApiResponse.ok(rewards().couponBatches())),
                ApiRoute.post("/", "coupons:write", "Create one code or a batch of generated codes",
                        CouponBatchDraft.class, CouponBatch.class, this::create).created(),
                ApiRoute.get("/{batchId}/codes", "coupons:read", "The codes of a batch", String[].class,
                        r -> ApiResponse.ok(rewards().couponCodes(r.idParam("batchId")))),
                ApiRoute.post("/validation", "coupons:read", "May this code be used on this bill, and for what discount?",
                        Validation.class, CouponCheck.class, this::validate));
    }

    private ApiResponse create(ApiRequest r) {
        CouponBatch batch = rewards().createCoupons(r.actor(), r.body(CouponBatchDraft.class));
        return ApiResponse.created("/api/v1/coupons/" + batch.id() + "/codes", batch);
    }

    private ApiResponse validate(ApiRequest r) {
        Validation v = r.body(Validation.class);
        if (v.code() == null || v.code().isBlank()) {
            throw ApiProblem.invalid("code is required", java.util.Map.of("code", "is required"));
        }
        return ApiResponse.ok(rewards().checkCoupon(v.code(), v.amount(), v.customerMobile()));
    }
}
