package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.Affiliate;
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.affiliate.AffiliateStatus;
import io.loyaltyhub.api.affiliate.NewAffiliate;
import io.loyaltyhub.api.affiliate.NewLink;
import io.loyaltyhub.api.affiliate.ReferralLink;
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


/** {@code /api/v1/affiliates}: affiliates, their approval, links and stats. */
@Extension
public class AffiliatesEndpoint implements ApiEndpoint {
    public record Changes(String name, String email, String payoutDetails, Long planId) {
    }

    public record Reason(String reason) {
    }

    private final PluginContext context;

    public AffiliatesEndpoint(PluginContext context) {
        this.context = context;
    }

    private AffiliateService affiliates() {
        return context.service(AffiliateService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "affiliates";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "affiliates:read", "Affiliates, newest first (?status=PENDING|APPROVED|SUSPENDED|REJECTED, ?limit=)",
                        Affiliate[].class, this::list).query(QueryParam.text("status", "PENDING, APPROVED, SUSPENDED or REJECTED"),
                        QueryParam.integer("limit", "at most this many")),
                ApiRoute.post("/", "affiliates:write", "Register an affiliate (status PENDING until approved)",
                        NewAffiliate.class, Affiliate.class, this::register).created(),
                ApiRoute.get("/{id}", "affiliates:read", "Get an affiliate", Affiliate.class, this::one),
                ApiRoute.put("/{id}", "affiliates:write", "Change name, email, payout details or commission plan (absent: unchanged)",
                        Changes.class, Affiliate.class, this::update),
                ApiRoute.post("/{id}/approve", "affiliates:write", "Approve an application (or reinstate a suspended affiliate)",
                        null, Affiliate.class, r -> ApiResponse.ok(affiliates().approve(r.actor(), r.idParam("id")))),
                ApiRoute.post("/{id}/reject", "affiliates:write", "Reject a pending application with a reason",
                        Reason.class, Affiliate.class, r -> ApiResponse.ok(affiliates().reject(r.actor(), r.idParam("id"),
                                reason(r)))).optionalBody(),
                ApiRoute.post("/{id}/suspend", "affiliates:write", "Suspend an approved affiliate with a reason",
                        Reason.class, Affiliate.class, r -> ApiResponse.ok(affiliates().suspend(r.actor(), r.idParam("id"),
                                reason(r)))).optionalBody(),
                ApiRoute.post("/{id}/links", "affiliates:write", "Create a referral link (campaign, targetUrl, utmSource, utmMedium, utmCampaign)",
                        NewLink.class, ReferralLink.class, this::createLink).created(),
                ApiRoute.get("/{id}/links", "affiliates:read", "The affiliate's links with click counts, newest first",
                        ReferralLink[].class, r -> ApiResponse.ok(affiliates().links(r.idParam("id")))),
                ApiRoute.get("/{id}/stats", "affiliates:read", "Clicks, unique clicks, conversions, revenue and commission in [from, to) (?from=&to=, dates or instants)",
                        AffiliateStats.class, this::stats).query(QueryParam.text("from", "a date or instant (inclusive)"), QueryParam.text("to", "a date or instant (exclusive)")));
    }

    private ApiResponse list(ApiRequest r) {
        AffiliateStatus status = null;
        if (r.query("status").isPresent() && !r.query("status").get().isBlank()) {
            try {
                status = AffiliateStatus.valueOf(r.query("status").get().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("invalid-query", "status must be one of " + List.of(AffiliateStatus.values()));
            }
        }
        return ApiResponse.ok(affiliates().list(status, Rest.limit(r, 50)));
    }

    private ApiResponse register(ApiRequest r) {
        Affiliate a = affiliates().register(r.actor(), r.body(NewAffiliate.class));
        return ApiResponse.created("/api/v1/affiliates/" + a.id(), a);
    }

    private ApiResponse one(ApiRequest r) {
        long id = r.idParam("id");
        return ApiResponse.ok(affiliates().find(id).orElseThrow(() -> Affiliates.unknown(id)));
    }

    private ApiResponse update(ApiRequest r) {
        Changes c = r.body(Changes.class);
        return ApiResponse.ok(affiliates().update(r.actor(), r.idParam("id"), c.name(), c.email(), c.payoutDetails(), c.planId()));
    }

    private static String reason(ApiRequest r) {
        return r.hasBody() ? r.body(Reason.class).reason() : null;
    }

    private ApiResponse createLink(ApiRequest r) {
        long id = r.idParam("id");
        ReferralLink link = affiliates().createLink(r.actor(), id, r.body(NewLink.class));
        return ApiResponse.created("/api/v1/affiliates/" + id + "/links", link);
    }

    private ApiResponse stats(ApiRequest r) {
        return ApiResponse.ok(affiliates().stats(r.idParam("id"), Rest.time(r, "from", false).orElse(null),
                Rest.time(r, "to", true).orElse(null)));
    }
}
