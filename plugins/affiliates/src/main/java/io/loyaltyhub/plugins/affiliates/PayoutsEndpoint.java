package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.affiliate.Payout;
import io.loyaltyhub.api.affiliate.PayoutStatus;
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


/** {@code /api/v1/payouts}: balance, request, list, pay, reject. Paying needs affiliates:write (not support). */
@Extension
public class PayoutsEndpoint implements ApiEndpoint {
    public record PayoutRequest(Long affiliateId) {
    }

    public record Payment(String method, String reference, String proofFile) {
    }

    public record Reason(String reason) {
    }

    public record Balance(long affiliateId, Money approved, Money minimum) {
    }

    private final PluginContext context;
    private final Payouts payouts;

    public PayoutsEndpoint(PluginContext context) {
        this.context = context;
        this.payouts = new Payouts(context);
    }

    @Override
    public String area() {
        return "payouts";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "affiliates:read", "Payouts, newest first (?affiliateId=, ?status=REQUESTED|PAID|REJECTED, ?limit=)",
                        Payout[].class, r -> ApiResponse.ok(payouts.list(CommissionsEndpoint.longQuery(r, "affiliateId")
                                .orElse(null), CommissionsEndpoint.status(r, PayoutStatus.class), Rest.limit(r, 50))))
                        .query(QueryParam.integer("affiliateId", "one affiliate's"),
                                QueryParam.text("status", "REQUESTED, PAID or REJECTED"), QueryParam.integer("limit", "at most this many")),
                ApiRoute.get("/{id}", "affiliates:read", "A payout", Payout.class,
                        r -> ApiResponse.ok(payouts.find(r.idParam("id"))
                                .orElseThrow(() -> Payouts.unknown(r.idParam("id"))))),
                ApiRoute.get("/balance/{affiliateId}", "affiliates:read", "The affiliate's approved, unpaid balance and the "
                        + "payout minimum", Balance.class, this::balance),
                ApiRoute.post("/", "affiliates:write", "Request a payout of the affiliate's whole approved balance "
                        + "(refused below the minimum or while one is open)", PayoutRequest.class, Payout.class,
                        this::request).created(),
                ApiRoute.post("/{id}/pay", "affiliates:write", "Record that a requested payout was paid (method, reference, "
                        + "optional proofFile); paying twice is refused", Payment.class, Payout.class, this::pay).optionalBody(),
                ApiRoute.post("/{id}/reject", "affiliates:write", "Refuse a requested payout; its commissions go back to the "
                        + "approved balance", Reason.class, Payout.class, r -> ApiResponse.ok(payouts.reject(r.actor(),
                        r.idParam("id"), r.hasBody() ? r.body(Reason.class).reason() : null))).optionalBody());
    }

    private ApiResponse balance(ApiRequest r) {
        long id = r.idParam("affiliateId");
        CommissionSettings.Config c = CommissionSettings.from(context.settings());
        return ApiResponse.ok(new Balance(id, payouts.approvedBalance(id), new Money(c.payoutMinimum(), c.currency())));
    }

    private ApiResponse request(ApiRequest r) {
        Long id = r.hasBody() ? r.body(PayoutRequest.class).affiliateId() : null;
        if (id == null || id <= 0) {
            throw ApiProblem.invalid("affiliateId is required", Map.of("affiliateId", "is required"));
        }
        Payout p = payouts.request(r.actor(), id);
        return ApiResponse.created("/api/v1/payouts/" + p.id(), p);
    }

    private ApiResponse pay(ApiRequest r) {
        Payment p = r.hasBody() ? r.body(Payment.class) : new Payment(null, null, null);
        return ApiResponse.ok(payouts.markPaid(r.actor(), r.idParam("id"), p.method(), p.reference(), p.proofFile()));
    }
}
