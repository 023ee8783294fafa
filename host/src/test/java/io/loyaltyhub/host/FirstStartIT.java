package io.loyaltyhub.host;

import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run command's path: no db.url, so the embedded MariaDB under the data directory. The first
 * start generates and shows the admin password; a restart keeps the data and shows nothing.
 */
class FirstStartIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firstStartShowsThePasswordOnceAndDataSurvivesARestart() throws Exception {
        Path data = Files.createTempDirectory("loyalty-first-start");
        ServerConfig config = new ServerConfig("127.0.0.1", 0, java.util.Set.of(), "127.0.0.1", 0, Duration.ofMinutes(30), data,
                TestServer.shippedPlugins(), "", "root", "", 4, "owner", Optional.empty(), Optional.empty(), 3, "first",
                io.loyaltyhub.bots.ChatConfig.off(), ServerConfig.OpsConfig.defaults());
        String password;
        try (LoyaltyServer first = LoyaltyServer.start(config, Clock.systemUTC())) {
            assertThat(first.database().embedded()).isTrue();
            password = first.generatedAdminPassword().orElseThrow();
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(Main.readyBanner(first, 1.0)).contains("'owner'", password, "http://localhost:" + first.adminPort());
            String token = login(first, password);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port()
                            + "/api/v1/stores")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"KEEP-1\",\"name\":\"Kept\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
        }
        assertThat(data.resolve("mariadb/data")).isDirectoryContaining(p -> p.getFileName().toString().equals("loyalty"));
        try (LoyaltyServer second = LoyaltyServer.start(config, Clock.systemUTC())) {
            assertThat(second.generatedAdminPassword()).isEmpty();
            assertThat(Main.readyBanner(second, 1.0)).doesNotContain(password).doesNotContain("First start");
            String token = login(second, password);
            HttpResponse<String> stores = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port()
                    + "/api/v1/stores")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stores.body()).contains("KEEP-1");
        }
    }

    private String login(LoyaltyServer server, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"owner\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
