package io.loyaltyhub.host;

import io.loyaltyhub.api.job.ScheduledJob;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.jobs.RetentionJob;
import io.loyaltyhub.host.testing.MutableClock;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Housekeeping and operations: retention, logins in the audit log, revocable tokens, guarded metrics. */
class OpsHygieneIT {
    private static final String METRICS_TOKEN = "metrics-token-0123456789";
    private static TestServer server;
    private static MutableClock clock;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        server = TestServer.start("ops", TestServer.shippedPlugins(), clock, c -> c.withOps(new ServerConfig.OpsConfig(
                Duration.ofDays(7), Duration.ofDays(30), true, Optional.of(METRICS_TOKEN))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void deliveredEventsAndAnsweredMessagesGoAfterTheirRetentionAndNothingPendingDoes() throws Exception {
        server.post("/api/v1/customers", API_KEY, "{\"mobile\":\"+919811177701\"}");
        server.post("/api/v1/chat/simulator", API_KEY, "{\"user\":\"+919811177702\",\"text\":\"hi\"}");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                server.count("SELECT COUNT(*) FROM event_delivery WHERE status <> 'DONE'") == 0);
        long events = server.count("SELECT COUNT(*) FROM outbox_event");
        assertThat(events).isPositive();
        // one delivery left pending: neither it nor its event may go
        server.jdbc().createStatement().execute("UPDATE event_delivery SET status = 'PENDING', next_attempt_at = "
                + "'2030-01-01' WHERE id = (SELECT MIN(id) FROM (SELECT id FROM event_delivery) d)");

        RetentionJob job = (RetentionJob) job("host.retention");
        assertThat(job.purge()).as("nothing is old yet").isZero();

        clock.advance(Duration.ofDays(8));
        job.purge();
        assertThat(server.count("SELECT COUNT(*) FROM event_delivery")).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM outbox_event")).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound")).as("messages are kept 30 days").isPositive();

        clock.advance(Duration.ofDays(30));
        job.purge();
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound")).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM event_delivery WHERE status = 'PENDING'")).isEqualTo(1);
    }

    @Test
    void oldClicksBecomeDailyCountsAndTheFiguresStayTheSame() throws Exception {
        assertThat(server.send("PUT", "/api/v1/plugins/affiliates/settings", API_KEY,
                "{\"click-retention-days\":\"100\",\"attribution-window-days\":\"30\"}").status()).isEqualTo(200);
        String affiliate = server.post("/api/v1/affiliates", API_KEY, "{\"name\":\"Old\",\"mobile\":\"9845077001\"}")
                .json().get("id").asText();
        server.post("/api/v1/affiliates/" + affiliate + "/approve", API_KEY, null);
        String code = server.post("/api/v1/affiliates/" + affiliate + "/links", API_KEY, "{\"campaign\":\"old\"}")
                .json().get("code").asText();
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            for (int i = 0; i < 3; i++) {
                http.send(HttpRequest.newBuilder(URI.create(server.base() + "/r/" + code)).header("User-Agent",
                        "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36").build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        String statsPath = "/api/v1/affiliates/" + affiliate + "/stats?from=2026-01-01&to=2027-01-01";
        Reply before = server.get(statsPath, API_KEY);
        assertThat(before.json().get("clicks").asLong()).isEqualTo(3);
        long uniqueBefore = before.json().get("uniqueClicks").asLong();
        // the fraud scan passes them, then 101 days go by
        clock.advance(Duration.ofMinutes(2));
        job("affiliates.click-fraud").run(null);
        clock.advance(Duration.ofDays(101));
        job("affiliates.click-retention").run(null);

        assertThat(server.count("SELECT COUNT(*) FROM affiliate_click WHERE code = '" + code + "'")).isZero();
        Reply after = server.get(statsPath, API_KEY);
        assertThat(after.json().get("clicks").asLong()).isEqualTo(3);
        assertThat(after.json().get("uniqueClicks").asLong()).isEqualTo(uniqueBefore);
        assertThat(server.get("/api/v1/affiliates/" + affiliate + "/links", API_KEY).json().get(0).get("clicks").asLong())
                .isEqualTo(3);
    }

    private static ScheduledJob job(String id) {
        return server.server().jobs().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void loginsFailedLoginsAndLogoutsAreAuditedAndTokensCanBeRevoked() {
        Reply wrong = server.post("/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"not-it\"}");
        assertThat(wrong.status()).isEqualTo(401);
        String token = server.staffToken("admin", TestServer.ADMIN_PASSWORD);
        assertThat(server.get("/api/v1/customers", token).status()).isEqualTo(200);

        assertThat(server.send("DELETE", "/api/v1/auth/token", token, null).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/customers", token).status()).as("the token has ended").isEqualTo(401);
        assertThat(server.send("DELETE", "/api/v1/auth/token", token, null).status()).isEqualTo(401);
        assertThat(server.send("DELETE", "/api/v1/auth/token", API_KEY, null).status()).as("not a staff token")
                .isEqualTo(401);

        String actions = server.get("/api/v1/audit?entityType=staff-user&limit=20", API_KEY).body();
        assertThat(actions).contains("staff.login-failed", "staff.login", "staff.logout", "token-revoked");
    }

    @Test
    void metricsAnswerOnlyTheToken() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/metrics"))
                    .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("loyalty_events_pending");
        }
    }
}
