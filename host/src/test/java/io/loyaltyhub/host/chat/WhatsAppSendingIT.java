package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbound queue against a Graph API that misbehaves: every message ends sent once or failed
 * with Meta's code, none is sent again once accepted, and statuses only move forward.
 */
class WhatsAppSendingIT {
    private static final AtomicInteger USERS = new AtomicInteger(100);
    private static MetaGraphApi meta;
    private static TestServer server;
    private static Channels channels;
    private static MetaWebhooks webhooks;

    @BeforeAll
    static void start() throws Exception {
        meta = new MetaGraphApi();
        server = TestServer.start("wa-sending", TestServer.shippedPlugins(), Clock.systemUTC(),
                c -> c.withChat(meta.chatConfig(Duration.ofMillis(700))));
        channels = server.server().service(Channels.class).orElseThrow();
        webhooks = new MetaWebhooks(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (meta != null) {
            meta.close();
        }
    }

    private static String newUser() {
        return "+9198765" + String.format("%05d", USERS.incrementAndGet());
    }

    /** A stub for one recipient: the first answer is {@code first}, every later one accepted. */
    private static void firstThenAccept(String user, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        String scenario = "s" + user;
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user.substring(1))))
                .inScenario(scenario).whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("ok"));
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user.substring(1))))
                .inScenario(scenario).whenScenarioStateIs("ok").willReturn(MetaGraphApi.accepted()));
    }

    private static String statusOf(long id) {
        try (var c = server.jdbc(); var s = c.prepareStatement("SELECT status FROM chat_outbound WHERE id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String column(long id, String column) {
        try (var c = server.jdbc(); var s = c.prepareStatement("SELECT " + column + " FROM chat_outbound WHERE id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long send(String user, Reply reply) {
        return channels.send("whatsapp", user, reply, null, "test:" + user + ":" + System.nanoTime());
    }

    private static void awaitStatus(long id, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> statusOf(id).equals(status));
    }

    @Test
    void a500IsRetriedAndTheMessageIsSentOnce() {
        String user = newUser();
        firstThenAccept(user, serverError().withBody("<html>oops</html>"));
        long id = send(user, Reply.text("Your points: 120"));
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        assertThat(meta.requestsTo(user)).hasSize(2);
        assertThat(column(id, "provider_id")).startsWith("wamid.");
        assertThat(column(id, "attempts")).isEqualTo("2");
    }

    @Test
    void aTimeoutIsRetried() {
        String user = newUser();
        firstThenAccept(user, MetaGraphApi.accepted().withFixedDelay(2000));
        long id = send(user, Reply.text("Your points: 120"));
        awaitStatus(id, "SENT", Duration.ofSeconds(20));
        // the first request was abandoned unanswered: only the second one's wamid counts
        assertThat(meta.requestsTo(user)).hasSize(2);
        assertThat(column(id, "error_code")).isNull();
    }

    @Test
    void throughputLimitSlowsDownAndRetries() {
        String user = newUser();
        firstThenAccept(user, MetaGraphApi.error(400, 130429, "Rate limit hit",
                "Cloud API message throughput has been reached."));
        long id = send(user, Reply.text("Hello"));
        awaitStatus(id, "SENT", Duration.ofSeconds(20));
        assertThat(meta.requestsTo(user)).hasSize(2);
    }

    @Test
    void pairRateLimitWaitsBeforeSendingToThatUserAgain() {
        String user = newUser();
        firstThenAccept(user, MetaGraphApi.error(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
                "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time."));
        long first = send(user, Reply.text("one"));
        long second = send(user, Reply.text("two"));
        awaitStatus(second, "SENT", Duration.ofSeconds(30));
        assertThat(statusOf(first)).isEqualTo("SENT");
        List<JsonNode> sent = meta.requestsTo(user);
        // one, one again (after the pause), then two: order kept, nothing doubled once accepted
        assertThat(sent).extracting(WhatsAppSendingIT::content).containsExactly("one", "one", "two");
        var log = meta.wireMock().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(MetaGraphApi.PATH))
                .withRequestBody(matchingJsonPath("$.to", equalTo(user.substring(1)))));
        long gap = log.get(1).getLoggedDate().getTime() - log.get(0).getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(5_900);
    }

    @Test
    void outsideTheWindowTheTemplateGoesInstead() {
        String user = newUser();
        // text refused with 131047; the template is accepted
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user.substring(1))))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .willReturn(MetaGraphApi.error(400, 131047, "Re-engagement message",
                        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")));
        long id = channels.send("whatsapp", user, Reply.text("Your 120 points expire on 1 Dec"), null, "t131047" + user);
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        List<JsonNode> sent = meta.requestsTo(user);
        // never wrote to us: straight to the template, no doomed text first
        assertThat(sent).hasSize(1);
        JsonNode t = sent.getFirst();
        assertThat(t.path("type").asText()).isEqualTo("template");
        assertThat(t.path("template").path("name").asText()).isEqualTo(MetaGraphApi.FALLBACK_TEMPLATE);
        assertThat(t.path("template").path("components").path(0).path("parameters").path(0).path("text").asText())
                .isEqualTo("Your 120 points expire on 1 Dec");
        assertThat(column(id, "as_template")).isEqualTo("1");
    }

    /** Requests to the user that carried this message: its text or its template. */
    private static List<JsonNode> carrying(String user, String text, String template) {
        return meta.requestsTo(user).stream().filter(r -> r.path("text").path("body").asText().equals(text)
                || r.path("template").path("name").asText().equals(template)).toList();
    }

    private static void wroteJustNow(String user) {
        assertThat(webhooks.post(MetaWebhooks.text(user, MetaWebhooks.newMessageId(), "hi"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> server.count(
                "SELECT COUNT(*) FROM chat_conversation WHERE channel = 'whatsapp' AND user_id = '" + user + "'") == 1);
    }

    @Test
    void aTextRefusedWith131047IsSentAsTheMappedTemplate() {
        String user = newUser();
        wroteJustNow(user);
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user.substring(1))))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Asha, 120 points expire soon")))
                .willReturn(MetaGraphApi.error(400, 131047, "Re-engagement message",
                        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.")));
        Reply.Template mapped = new Reply.Template("points_expiring", "hi", List.of("Asha", "120"), "");
        long id = channels.send("whatsapp", user, Reply.text("Asha, 120 points expire soon"), mapped, "sync" + user);
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        List<JsonNode> sent = carrying(user, "Asha, 120 points expire soon", "points_expiring");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).path("template").path("language").path("code").asText()).isEqualTo("hi");
        assertThat(sent.get(1).path("template").path("components").path(0).path("parameters"))
                .extracting(JsonNode::asText).isNotEmpty();
        assertThat(column(id, "as_template")).isEqualTo("1");
    }

    @Test
    void aMessageReportedFailedWith131047LaterIsSentAsTheMappedTemplate() {
        String user = newUser();
        wroteJustNow(user);
        Reply.Template mapped = new Reply.Template("points_expiring", "en", List.of("Asha", "120"),
                "Asha, 120 points expire soon");
        long id = channels.send("whatsapp", user, Reply.text("Asha, your 120 points expire soon"), mapped, "async" + user);
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        String wamid = column(id, "provider_id");
        assertThat(carrying(user, "Asha, your 120 points expire soon", "points_expiring")).hasSize(1);
        assertThat(webhooks.post(MetaWebhooks.failed(wamid, user, 131047, "Re-engagement message"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                carrying(user, "Asha, your 120 points expire soon", "points_expiring").size() == 2);
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        assertThat(carrying(user, "-", "points_expiring")).hasSize(1);
        assertThat(column(id, "provider_id")).isNotEqualTo(wamid);
        // the same failure delivered again changes nothing
        webhooks.post(MetaWebhooks.failed(wamid, user, 131047, "Re-engagement message"));
        sleep(1500);
        assertThat(carrying(user, "Asha, your 120 points expire soon", "points_expiring")).hasSize(2);
    }

    @Test
    void aPermanentErrorFailsTheMessageWithMetasCode() {
        String user = newUser();
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(user.substring(1))))
                .willReturn(MetaGraphApi.error(400, 131026, "Message Undeliverable", "Unable to deliver message.")));
        long id = channels.send("whatsapp", user, Reply.buttons("Pick one", Choice.of("a", "A"), Choice.of("b", "B")),
                null, "perm" + user);
        awaitStatus(id, "FAILED", Duration.ofSeconds(15));
        assertThat(column(id, "error_code")).isEqualTo("131026");
        assertThat(column(id, "error_title")).contains("Unable to deliver");
        sleep(1500);
        assertThat(meta.requestsTo(user)).hasSize(1);
    }

    @Test
    void statusesMoveForwardOnlyAndUnknownOnesAreIgnored() {
        String user = newUser();
        wroteJustNow(user);
        long id = send(user, Reply.text("status test"));
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        String wamid = column(id, "provider_id");
        assertThat(webhooks.post(MetaWebhooks.status(wamid, user, "delivered"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(id).equals("DELIVERED"));
        webhooks.post(MetaWebhooks.status(wamid, user, "read"));
        await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(id).equals("READ"));
        webhooks.post(MetaWebhooks.status(wamid, user, "delivered")); // late
        webhooks.post(MetaWebhooks.status(wamid, user, "sent"));
        sleep(500);
        assertThat(statusOf(id)).isEqualTo("READ");

        long changedBefore = server.count("SELECT COUNT(*) FROM chat_outbound WHERE status_at > NOW() - INTERVAL 1 DAY");
        assertThat(webhooks.post(MetaWebhooks.status("wamid.NOT-OURS-123", user, "delivered"))).isEqualTo(200);
        assertThat(webhooks.post(MetaWebhooks.failed("wamid.NOT-OURS-456", user, 131047, "Re-engagement message")))
                .isEqualTo(200);
        sleep(300);
        assertThat(server.count("SELECT COUNT(*) FROM chat_outbound WHERE provider_id LIKE 'wamid.NOT-OURS%'")).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM chat_outbound WHERE status_at > NOW() - INTERVAL 1 DAY"))
                .isEqualTo(changedBefore);
    }

    @Test
    void manyMessagesToManyUsersAreEachSentExactlyOnceInOrder() {
        // a flaky API: every third request fails with a 500
        meta.wireMock().stubFor(MetaGraphApi.messages().atPriority(5)
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.matching("bulk .*-[0-9]*[02]")))
                .inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(serverError()).willSetStateTo("ok"));
        List<String> users = java.util.stream.IntStream.range(0, 20).mapToObj(i -> newUser()).toList();
        List<Long> ids = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            for (String u : users) {
                ids.add(channels.send("whatsapp", u, Reply.text("bulk " + u + "-" + k), null, "bulk" + u + k));
            }
        }
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() ->
                server.count("SELECT COUNT(*) FROM chat_outbound WHERE idempotency_key LIKE 'bulk%' AND status = 'SENT'")
                        == ids.size());
        for (String u : users) {
            // they never wrote to us, so everything goes as the fallback template
            List<String> texts = meta.requestsTo(u).stream().map(WhatsAppSendingIT::content).toList();
            assertThat(texts.stream().distinct().toList()).containsExactly(
                    "bulk " + u + "-0", "bulk " + u + "-1", "bulk " + u + "-2", "bulk " + u + "-3", "bulk " + u + "-4");
        }
        assertThat(server.count("SELECT COUNT(DISTINCT provider_id) FROM chat_outbound WHERE idempotency_key LIKE 'bulk%'"))
                .isEqualTo(ids.size());
    }

    /** A text's body, or a template's first parameter. */
    private static String content(JsonNode request) {
        return request.has("text") ? request.path("text").path("body").asText()
                : request.path("template").path("components").path(0).path("parameters").path(0).path("text").asText();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
