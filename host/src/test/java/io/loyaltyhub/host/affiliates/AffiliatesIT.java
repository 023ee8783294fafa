package io.loyaltyhub.host.affiliates;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The affiliates plugin through the real server: affiliates, approval, links, stats over REST. */
class AffiliatesIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("affiliates", TestServer.shippedPlugins());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePluginStartsWithItsTables() {
        Reply r = server.get("/api/v1/plugins", API_KEY);
        assertThat(r.status()).isEqualTo(200);
        JsonNode affiliates = null;
        for (JsonNode p : r.json()) {
            if (p.get("id").asText().equals("affiliates")) {
                affiliates = p;
            }
        }
        assertThat(affiliates).isNotNull();
        assertThat(affiliates.get("state").asText()).as(affiliates.toString()).isEqualTo("STARTED");
        assertThat(server.count("SELECT COUNT(*) FROM affiliate_click")).isZero();
    }
}
