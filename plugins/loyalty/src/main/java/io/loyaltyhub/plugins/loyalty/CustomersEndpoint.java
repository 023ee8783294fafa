package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.http.HttpMethod;
import io.loyaltyhub.api.loyalty.Birthday;
import io.loyaltyhub.api.loyalty.ConsentChange;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerChanges;
import io.loyaltyhub.api.loyalty.Kid;
import io.loyaltyhub.api.loyalty.LedgerLine;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.NewCustomer;
import io.loyaltyhub.api.loyalty.PointsBalance;
import io.loyaltyhub.api.loyalty.PointsChange;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;


/** {@code /api/v1/customers}: customers, kids and points. */
@Extension
public class CustomersEndpoint implements ApiEndpoint {
    public record NewKid(String name, Birthday birthday) {
    }

    public record Adjustment(Long points, String reason) {
    }

    /** @param link null when the referral-link setting needs a WhatsApp number and none is set */
    public record Referral(String code, String link) {
    }

    /** Marketing opt-in given ({@code marketing} true) or withdrawn. */
    public record MarketingConsentRequest(@io.loyaltyhub.api.http.Required Boolean marketing, String source) {
    }

    public record ConsentRequest(Boolean consent, String source) {
    }

    private final PluginContext context;

    public CustomersEndpoint(PluginContext context) {
        this.context = context;
    }

    private LoyaltyService loyalty() {
        return context.service(LoyaltyService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "customers";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "customers:read", "Find customers by ?mobile=, ?q= (name or mobile) or ?tier=",
                        Customer[].class, this::search).query(QueryParam.text("mobile", "a mobile in any format"),
                        QueryParam.text("q", "part of a name or mobile"), QueryParam.text("tier", "a tier code"), QueryParam.integer("limit", "at most this many (default 50)")),
                ApiRoute.post("/", "customers:write", "Enrol a customer (or return the one with that mobile)",
                        NewCustomer.class, Customer.class, this::join).created(),
                ApiRoute.get("/{id}", "customers:read", "Get a customer with kids", Customer.class, this::one),
                ApiRoute.put("/{id}", "customers:write", "Change name, birthday, language or status",
                        CustomerChanges.class, Customer.class, this::update),
                ApiRoute.delete("/{id}", "customers:write", "Erase a customer's personal data (the ledger stays)",
                        this::erase).query(QueryParam.text("reason", "why, for the audit log")),
                ApiRoute.get("/{id}/referral", "customers:read", "The customer's refer-a-friend code (made on first use) and link",
                        Referral.class, this::referral),
                ApiRoute.get("/{id}/consents", "customers:read", "Consent changes (given or withdrawn, when, where), oldest first",
                        ConsentChange[].class, r -> ApiResponse.ok(loyalty().consentHistory(r.idParam("id")))),
                ApiRoute.post("/{id}/consent", "customers:write", "Record consent given (status ACTIVE) or withdrawn (OPTED_OUT)",
                        ConsentRequest.class, Customer.class, this::consent),
                ApiRoute.post("/{id}/marketing-consent", "customers:write",
                        "Record the marketing opt-in (offers) given or withdrawn; separate from the consent to be messaged",
                        MarketingConsentRequest.class, Customer.class, this::marketingConsent),
                ApiRoute.post("/{id}/kids", "customers:write", "Add a kid", NewKid.class, Kid.class, this::addKid).created(),
                ApiRoute.delete("/{id}/kids/{kidId}", "customers:write", "Remove a kid", this::removeKid),
                ApiRoute.get("/{id}/points", "points:read", "Balance: available, pending, expiring soon, lifetime, tier",
                        PointsBalance.class, r -> ApiResponse.ok(loyalty().balance(r.idParam("id")))),
                ApiRoute.get("/{id}/points/history", "points:read", "Ledger lines, newest first (?limit=)",
                        LedgerLine[].class, r -> ApiResponse.ok(loyalty().history(r.idParam("id"), Rest.limit(r, 50))))
                        .query(QueryParam.integer("limit", "at most this many (default 50)")),
                new ApiRoute(HttpMethod.POST, "/{id}/points/adjustments", "points:write",
                        "Award (positive) or deduct (negative) points; needs an Idempotency-Key header",
                        Adjustment.class, PointsChange.class, this::adjust));
    }

    private ApiResponse search(ApiRequest r) {
        LoyaltyService loyalty = loyalty();
        if (r.query("mobile").isPresent()) {
            return ApiResponse.ok(loyalty.findByMobile(r.query("mobile").get()).map(List::of).orElse(List.of()));
        }
        return ApiResponse.ok(loyalty.search(r.query("q").orElse(null), r.query("tier").orElse(null), Rest.limit(r, 50)));
    }

    private ApiResponse join(ApiRequest r) {
        Customer c = loyalty().join(r.actor(), r.body(NewCustomer.class));
        return ApiResponse.created("/api/v1/customers/" + c.id(), c);
    }

    private ApiResponse one(ApiRequest r) {
        long id = r.idParam("id");
        return ApiResponse.ok(loyalty().find(id).orElseThrow(() -> new ApiProblem(404, "unknown-customer", "Not found",
                "No customer " + id)));
    }

    private ApiResponse update(ApiRequest r) {
        long id = r.idParam("id");
        CustomerChanges changes = r.body(CustomerChanges.class);
        if (loyalty().find(id).isEmpty()) {
            throw new ApiProblem(404, "unknown-customer", "Not found", "No customer " + id);
        }
        return ApiResponse.ok(loyalty().update(r.actor(), id, changes));
    }

    private ApiResponse erase(ApiRequest r) {
        long id = r.idParam("id");
        if (loyalty().find(id).isEmpty()) {
            throw new ApiProblem(404, "unknown-customer", "Not found", "No customer " + id);
        }
        loyalty().erase(r.actor(), id, r.query("reason").orElse(null));
        return ApiResponse.noContent();
    }

    private ApiResponse referral(ApiRequest r) {
        String code = loyalty().referralCode(r.idParam("id"));
        return ApiResponse.ok(new Referral(code, ReferralLinks.link(context.settings(), code).orElse(null)));
    }

    private ApiResponse consent(ApiRequest r) {
        ConsentRequest body = r.body(ConsentRequest.class);
        if (body.consent() == null) {
            throw ApiProblem.invalid("consent is required", java.util.Map.of("consent", "is required (true or false)"));
        }
        return ApiResponse.ok(loyalty().setConsent(r.actor(), r.idParam("id"), body.consent(), body.source()));
    }

    private ApiResponse marketingConsent(ApiRequest r) {
        MarketingConsentRequest body = r.body(MarketingConsentRequest.class);
        if (body.marketing() == null) {
            throw ApiProblem.invalid("marketing is required", java.util.Map.of("marketing", "is required (true or false)"));
        }
        return ApiResponse.ok(loyalty().setMarketingConsent(r.actor(), r.idParam("id"), body.marketing(), body.source()));
    }

    private ApiResponse addKid(ApiRequest r) {
        long id = r.idParam("id");
        NewKid kid = r.body(NewKid.class);
        Kid added = loyalty().addKid(r.actor(), id, kid.name(), kid.birthday());
        return ApiResponse.created("/api/v1/customers/" + id + "/kids/" + added.id(), added);
    }

    private ApiResponse removeKid(ApiRequest r) {
        loyalty().removeKid(r.actor(), r.idParam("id"), r.idParam("kidId"));
        return ApiResponse.noContent();
    }

    private ApiResponse adjust(ApiRequest r) {
        long id = r.idParam("id");
        String key = r.header("Idempotency-Key").orElseThrow(() -> ApiProblem.badRequest("missing-idempotency-key",
                "Send an Idempotency-Key header so a retried request does not move points twice."));
        Adjustment a = r.body(Adjustment.class);
        if (a.points() == null) {
            throw ApiProblem.invalid("points is required", java.util.Map.of("points", "is required"));
        }
        return ApiResponse.ok(loyalty().adjust(r.actor(), id, a.points(), a.reason(), key));
    }
}
