package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.loyalty.EarningRule;
import io.loyaltyhub.api.loyalty.LeaderboardEntry;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.TierChange;
import io.loyaltyhub.api.loyalty.TierInfo;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;


/** {@code /api/v1/earning-rules}, {@code /tiers} and {@code /leaderboard} live here: small read-mostly areas. */
@Extension
public class RulesEndpoint implements ApiEndpoint {
    private final PluginContext context;

    public RulesEndpoint(PluginContext context) {
        this.context = context;
    }

    private LoyaltyService loyalty() {
        return context.service(LoyaltyService.class).orElseThrow();
    }

    @Override
    public String area() {
        return "earning-rules";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "rules:read", "Earning rules", EarningRule[].class,
                        r -> ApiResponse.ok(loyalty().rules())),
                ApiRoute.post("/", "rules:write", "Add an earning rule", EarningRule.class, EarningRule.class,
                        this::create).created(),
                ApiRoute.put("/{id}", "rules:write", "Change an earning rule", EarningRule.class, EarningRule.class,
                        this::update));
    }

    private ApiResponse create(ApiRequest r) {
        EarningRule rule = r.body(EarningRule.class);
        EarningRule saved = loyalty().saveRule(r.actor(), new EarningRule(null, rule.name(), rule.type(), rule.active(),
                rule.params(), rule.validFrom(), rule.validTo()));
        return ApiResponse.created("/api/v1/earning-rules/" + saved.id(), saved);
    }

    private ApiResponse update(ApiRequest r) {
        EarningRule rule = r.body(EarningRule.class);
        return ApiResponse.ok(loyalty().saveRule(r.actor(), new EarningRule(r.idParam("id"), rule.name(), rule.type(),
                rule.active(), rule.params(), rule.validFrom(), rule.validTo())));
    }

    /** {@code /api/v1/tiers}. */
    @Extension
    public static class TiersEndpoint implements ApiEndpoint {
        private final PluginContext context;

        public TiersEndpoint(PluginContext context) {
            this.context = context;
        }

        @Override
        public String area() {
            return "tiers";
        }

        @Override
        public List<ApiRoute> routes() {
            return List.of(
                    ApiRoute.get("/", "tiers:read", "Tiers, lowest first", TierInfo[].class,
                            r -> ApiResponse.ok(context.service(LoyaltyService.class).orElseThrow().tiers())),
                    ApiRoute.get("/history/{customerId}", "customers:read", "A customer's tier changes, oldest first",
                            TierChange[].class, r -> ApiResponse.ok(context.service(LoyaltyService.class)
                                    .orElseThrow().tierHistory(r.idParam("customerId")))));
        }
    }

    /** {@code /api/v1/leaderboard?month=2026-11}. */
    @Extension
    public static class LeaderboardEndpoint implements ApiEndpoint {
        private final PluginContext context;

        public LeaderboardEndpoint(PluginContext context) {
            this.context = context;
        }

        @Override
        public String area() {
            return "leaderboard";
        }

        @Override
        public List<ApiRoute> routes() {
            return List.of(ApiRoute.get("/", "customers:read", "Customers by points earned in a month (?month=YYYY-MM)",
                    LeaderboardEntry[].class, this::board).query(QueryParam.text("month", "YYYY-MM (default this month)"),
                    QueryParam.integer("limit", "at most this many")));
        }

        private ApiResponse board(ApiRequest r) {
            YearMonth month;
            try {
                month = r.query("month").map(YearMonth::parse).orElseGet(() -> YearMonth.from(
                        context.clock().instant().atZone(LoyaltyConfig.from(context.settings()).zone())));
            } catch (DateTimeParseException e) {
                throw io.loyaltyhub.api.http.ApiProblem.badRequest("invalid-query", "month must look like 2026-11");
            }
            return ApiResponse.ok(context.service(LoyaltyService.class).orElseThrow()
                    .leaderboard(month, Rest.limit(r, 10)));
        }
    }
}
