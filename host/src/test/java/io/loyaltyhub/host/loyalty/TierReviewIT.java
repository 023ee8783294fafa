package io.loyaltyhub.host.loyalty;

import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Rolling tiers: up at once with the bill, down only at the review after the window has passed. */
class TierReviewIT {
    private static TestServer server;
    private static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        server = TestServer.start("tiers", TestServer.shippedPlugins(), clock);
        assertThat(server.send("PUT", "/api/v1/plugins/loyalty/settings", API_KEY,
                "{\"tier-basis\":\"rolling-points\",\"tier-window-months\":\"12\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String tier(long id) {
        return server.get("/api/v1/customers/" + id, API_KEY).json().get("tier").asText();
    }

    @Test
    void upgradeAtOnceDowngradeOnlyAtReview() {
        long id = server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919822200001\"}").json().get("id").asLong();
        assertThat(server.post("/api/v1/bills", API_KEY, "{\"billNumber\":\"TR-1\",\"billedAt\":\""
                + clock.instant().minusSeconds(60) + "\",\"customerMobile\":\"+919822200001\",\"amount\":600000,"
                + "\"currency\":\"INR\"}").status()).isEqualTo(200);
        assertThat(tier(id)).isEqualTo("GOLD");
        LoyaltyService loyalty = server.server().service(LoyaltyService.class).orElseThrow();
        clock.advance(Duration.ofDays(200));
        assertThat(loyalty.reviewTiers()).isZero(); // not due yet, however little was bought since
        assertThat(tier(id)).isEqualTo("GOLD");
        clock.advance(Duration.ofDays(200)); // over a year: the bill left the rolling window, the review is due
        assertThat(loyalty.reviewTiers()).isEqualTo(1);
        assertThat(tier(id)).isEqualTo("SILVER");
        assertThat(server.get("/api/v1/tiers/history/" + id, API_KEY).json())
                .extracting(c -> c.get("toTier").asText()).containsExactly("SILVER", "GOLD", "SILVER");
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'loyalty.tier-changed' "
                + "AND aggregate_key = '" + id + "'")).isEqualTo(2);
    }
}
