package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.loyalty.Voucher;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;


/** {@code /api/v1/vouchers}: what a cashier does with a voucher code. */
@Extension
public class VouchersEndpoint implements ApiEndpoint {
    public record Use(String storeId) {
    }

    public record Cancellation(String reason) {
    }

    private final PluginContext context;

    public VouchersEndpoint(PluginContext context) {
        this.context = context;
    }

    private RewardsService rewards() {
        return context.service(RewardsService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "vouchers";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/{code}", "vouchers:read", "Check a voucher: reward, customer, status, expiry", Voucher.class,
                        r -> ApiResponse.ok(rewards().validateVoucher(r.pathParam("code")))),
                ApiRoute.post("/{code}/use", "vouchers:write", "Mark a voucher used (a second use is refused)",
                        Use.class, Voucher.class, this::use).optionalBody(),
                ApiRoute.post("/{code}/cancellation", "vouchers:write", "Cancel an unused voucher and refund its points",
                        Cancellation.class, Voucher.class, this::cancel).optionalBody());
    }

    private ApiResponse use(ApiRequest r) {
        String store = r.hasBody() ? r.body(Use.class).storeId() : null;
        return ApiResponse.ok(rewards().useVoucher(r.actor(), r.pathParam("code"), store));
    }

    private ApiResponse cancel(ApiRequest r) {
        String reason = r.hasBody() ? r.body(Cancellation.class).reason() : null;
        return ApiResponse.ok(rewards().cancelVoucher(r.actor(), r.pathParam("code"), reason));
    }
}
