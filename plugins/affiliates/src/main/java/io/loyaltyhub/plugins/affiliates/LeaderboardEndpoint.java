package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.List;


/** {@code /api/v1/affiliate-leaderboard} ({@code /api/v1/leaderboard} is the customers' one, from loyalty). */
@Extension
public class LeaderboardEndpoint implements ApiEndpoint {
    private final Leaderboard leaderboard;

    public LeaderboardEndpoint(PluginContext context) {
        this.leaderboard = new Leaderboard(context);
    }

    @Override
    public String area() {
        return "affiliate-leaderboard";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/", "affiliates:read", "Affiliates by conversions, then revenue, in [from, to) "
                        + "(?from=&to= dates or instants; default this month), ?limit= (default 10)", AffiliateStats[].class,
                r -> ApiResponse.ok(leaderboard.top(Rest.time(r, "from", false).orElse(null),
                        Rest.time(r, "to", true).orElse(null), Rest.limit(r, 10))))
                .query(QueryParam.text("from", "a date or instant (inclusive)"), QueryParam.text("to", "a date or instant (exclusive)"), QueryParam.integer("limit", "at most this many")));
    }
}
