package io.loyaltyhub.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.testing.FixturePlugins;
import io.loyaltyhub.host.testing.PluginJarBuilder;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real plugin jars in the plugins directory: good ones serve, bad ones are reported, the server stays up. */
class PluginLoadingIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = TestServer.shippedPlugins();
        FixturePlugins.probe(plugins);
        FixturePlugins.failingOnStart(plugins);
        FixturePlugins.brokenMigration(plugins);
        FixturePlugins.needsSetting(plugins);
        PluginJarBuilder.garbageJar(plugins, "not-a-plugin.jar");
        server = TestServer.startWithoutStores("plugins", plugins);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, JsonNode> pluginsById() {
        Reply r = server.get("/api/v1/plugins", API_KEY);
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        r.json().forEach(p -> byId.put(p.get("id").asText(), p));
        return byId;
    }

    @Test
    void everyPluginIsListedWithItsStateAndError() {
        Map<String, JsonNode> plugins = pluginsById();
        assertThat(plugins).containsOnlyKeys("stores", "loyalty", "affiliates", "notifications", "erp-jdbc", "erp-csv", "probe", "failing", "broken-migration", "needs-token",
                "not-a-plugin.jar");
        assertThat(plugins.get("stores").get("state").asText()).isEqualTo("STARTED");
        assertThat(plugins.get("loyalty").get("state").asText()).isEqualTo("STARTED");
        assertThat(plugins.get("affiliates").get("state").asText()).as(plugins.get("affiliates").toString()).isEqualTo("STARTED");
        assertThat(plugins.get("probe").get("state").asText()).isEqualTo("STARTED");
        assertThat(plugins.get("failing").get("state").asText()).isEqualTo("FAILED");
        assertThat(plugins.get("failing").get("error").asText()).contains("start failed", "payment gateway is unreachable");
        assertThat(plugins.get("broken-migration").get("state").asText()).isEqualTo("FAILED");
        assertThat(plugins.get("broken-migration").get("error").asText()).startsWith("migration failed");
        assertThat(plugins.get("needs-token").get("state").asText()).isEqualTo("FAILED");
        assertThat(plugins.get("needs-token").get("error").asText()).contains("invalid settings", "api-token");
        assertThat(plugins.get("not-a-plugin.jar").get("error").asText()).startsWith("not a valid plugin jar");
        JsonNode schema = plugins.get("stores").get("settingsSchema");
        assertThat(schema).extracting(s -> s.get("key").asText())
                .containsExactly("default-time-zone", "require-city", "max-stores");
        assertThat(server.get("/health/ready", null).status()).isEqualTo(200);
        assertThat(server.get("/metrics", null).body()).containsPattern("loyalty_plugins_failed(\\{[^}]*})? 4(\\.0)?\\b")
                .contains("loyalty_events_pending");
    }

    @Test
    void failedPluginsMountNoRoutes() {
        assertThat(server.get("/api/v1/failing", API_KEY).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/broken", API_KEY).json().get("code").asText()).isEqualTo("no-such-route");
        String openApi = server.get("/openapi", null).body();
        assertThat(openApi).contains("/api/v1/stores/{id}", "/api/v1/probe").doesNotContain("/api/v1/failing");
    }

    @Test
    void goodPluginServesItsRoutesAndItsListenerAndJobRun() {
        Reply created = server.post("/api/v1/stores", API_KEY, "{\"code\":\"MUM-7\",\"name\":\"Bandra\",\"city\":\"Mumbai\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("timeZone").asText()).isEqualTo("Asia/Kolkata");
        long id = created.json().get("id").asLong();
        assertThat(server.get("/api/v1/stores/" + id, API_KEY).json().get("code").asText()).isEqualTo("MUM-7");
        // stores.store-created goes through the outbox to the probe plugin's listener, once
        await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(server.get("/api/v1/probe", API_KEY).json().get("storeCodes"))
                        .extracting(JsonNode::asText).containsExactly("MUM-7"));
        await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(server.get("/api/v1/probe", API_KEY).json().get("ticks").asLong()).isPositive());
    }

    @Test
    void settingsAreValidatedStoredAndSeenAtOnce() {
        Reply bad = server.send("PUT", "/api/v1/plugins/stores/settings", API_KEY,
                "{\"max-stores\":\"many\",\"require-city\":\"yes\",\"colour\":\"red\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get("max-stores").asText()).isEqualTo("must be a whole number");
        assertThat(bad.json().get("errors").get("require-city").asText()).isEqualTo("must be true or false");
        assertThat(bad.json().get("errors").get("colour").asText()).isEqualTo("unknown setting");
        assertThat(pluginsById().get("stores").get("settings").get("max-stores").asText()).isEqualTo("500");

        Reply ok = server.send("PUT", "/api/v1/plugins/stores/settings", API_KEY, "{\"require-city\":true}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("settings").get("require-city").asText()).isEqualTo("true");
        Reply noCity = server.post("/api/v1/stores", API_KEY, "{\"code\":\"DEL-1\",\"name\":\"Saket\"}");
        assertThat(noCity.status()).isEqualTo(422);
        assertThat(noCity.json().get("errors").get("city").asText()).contains("required");
        server.send("PUT", "/api/v1/plugins/stores/settings", API_KEY, "{\"require-city\":\"\"}"); // back to default

        Reply audit = server.get("/api/v1/audit?entityType=plugin", API_KEY);
        assertThat(audit.json().get(0).get("action").asText()).isEqualTo("plugin.settings");
        assertThat(audit.json().get(0).get("actor").asText()).isEqualTo("apikey:bootstrap");
    }

    @Test
    void secretsAreMaskedAndMissingSettingCanBeSupplied() {
        Reply r = server.send("PUT", "/api/v1/plugins/needs-token/settings", API_KEY, "{\"api-token\":\"s3cr3t-value\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("settings").get("api-token").asText()).isEqualTo("********");
        assertThat(server.get("/api/v1/audit?entityType=plugin", API_KEY).body()).doesNotContain("s3cr3t-value");
        // sending the mask back keeps the stored secret
        Reply kept = server.send("PUT", "/api/v1/plugins/needs-token/settings", API_KEY, "{\"api-token\":\"********\"}");
        assertThat(kept.status()).isEqualTo(200);
    }
}
