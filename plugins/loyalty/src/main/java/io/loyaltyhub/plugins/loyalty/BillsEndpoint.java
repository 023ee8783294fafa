package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.loyalty.Bill;
import io.loyaltyhub.api.loyalty.BillResult;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;


/**
 * {@code /api/v1/bills}: bills from the ERP or POS. The bill number is the idempotency key: the
 * same bill again answers the first result; the same number with other content is a 409.
 */
@Extension
public class BillsEndpoint implements ApiEndpoint {
    public record Reversal(String reason) {
    }

    private final PluginContext context;

    public BillsEndpoint(PluginContext context) {
        this.context = context;
    }

    private LoyaltyService loyalty() {
        return context.service(LoyaltyService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "bills";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/", "bills:write", "Post a bill: earns points (idempotent by billNumber)",
                        Bill.class, BillResult.class, r -> ApiResponse.ok(loyalty().postBill(r.actor(), r.body(Bill.class)))),
                ApiRoute.post("/preview", "bills:read", "What a bill would earn now, writing nothing",
                        Bill.class, BillResult.class, r -> ApiResponse.ok(loyalty().preview(r.body(Bill.class)))),
                ApiRoute.post("/{billNumber}/reversal", "bills:write", "Reverse what a bill earned (return or cancellation)",
                        Reversal.class, BillResult.class, this::reverse).optionalBody());
    }

    private ApiResponse reverse(ApiRequest r) {
        String reason = r.hasBody() ? r.body(Reversal.class).reason() : null;
        return ApiResponse.ok(loyalty().reverseBill(r.actor(), r.pathParam("billNumber"), reason));
    }
}
