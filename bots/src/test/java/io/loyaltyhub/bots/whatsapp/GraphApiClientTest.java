package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loyaltyhub.api.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a tiny in-process HTTP server standing in for graph.facebook.com. */
class GraphApiClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String TOKEN = "EAAJtestSystemUserToken0123456789";
    private static final String ACCEPTED = """
            {"messaging_product":"whatsapp","contacts":[{"input":"919812345678","wa_id":"919812345678"}],\
            "messages":[{"id":"wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQjNEMjY1NTVBRUVEMzJBNUI2AA=="}]}""";
    private static final String DETAILS = "Message failed to send because more than 24 hours have passed since the "
            + "customer last replied to this number.";
    private static final String RE_ENGAGEMENT = """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,\
            "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AzWmEsGKj4rPDmF2OxFm8oJ"}}"""
            .formatted(DETAILS);

    private record Received(String method, String path, String authorization, String contentType, String body) {
    }

    private interface Answer {
        void answer(HttpExchange exchange) throws Exception;
    }

    private HttpServer server;
    private ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Answer answer;
    private GraphApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer.answer(exchange);
            } catch (Exception e) {
                // the client gave up (timeout): nothing to answer
            }
        });
        server.start();
        client = new GraphApiClient(config(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        client.close();
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private WhatsAppConfig config(Duration timeout) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new WhatsAppConfig(base, "v23.0", PHONE_NUMBER_ID, Optional.of(TOKEN), "app-secret", "verify-token",
                80, "", "en", timeout);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static ObjectNode message() {
        return WhatsAppRenderer.render("+919812345678", Reply.text("आपके 1,250 पॉइंट्स हैं 🎁"));
    }

    @Test
    void acceptedMessageGivesItsWamid() throws IOException {
        answer = ex -> respond(ex, 200, "application/json; charset=UTF-8", ACCEPTED);
        ObjectNode body = message();

        GraphApiClient.Result r = client.send(body);

        assertThat(r.accepted()).isTrue();
        assertThat(r.providerId()).isEqualTo("wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQjNEMjY1NTVBRUVEMzJBNUI2AA==");
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.code()).isNull();
        assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.SENT);

        assertThat(received).hasSize(1);
        Received req = received.get(0);
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(req.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(req.contentType()).startsWith("application/json");
        JsonNode sent = JSON.readTree(req.body());
        assertThat(sent).isEqualTo(body);
        assertThat(sent.path("text").path("body").asText()).isEqualTo("आपके 1,250 पॉइंट्स हैं 🎁");
    }

    @Test
    void baseUrlWithATrailingSlash() {
        answer = ex -> respond(ex, 200, "application/json", ACCEPTED);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try (GraphApiClient c = new GraphApiClient(new WhatsAppConfig(base, "v23.0", PHONE_NUMBER_ID,
                Optional.of(TOKEN), "s", "v", 80, "", "en", Duration.ofSeconds(2)))) {
            assertThat(c.send(message()).accepted()).isTrue();
        }
        assertThat(received.get(0).path()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
    }

    @Test
    void metaErrorGivesItsCodeAndDetails() {
        answer = ex -> respond(ex, 400, "application/json; charset=UTF-8", RE_ENGAGEMENT);

        GraphApiClient.Result r = client.send(message());

        assertThat(r.accepted()).isFalse();
        assertThat(r.providerId()).isNull();
        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("131047");
        assertThat(r.title()).isEqualTo(DETAILS);
        assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.OUTSIDE_WINDOW);
    }

    @Test
    void metaErrorWithoutDetailsGivesItsMessage() {
        answer = ex -> respond(ex, 400, "application/json", """
                {"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026,\
                "fbtrace_id":"AbCdEf"}}""");

        GraphApiClient.Result r = client.send(message());

        assertThat(r.code()).isEqualTo("131026");
        assertThat(r.title()).isEqualTo("(#131026) Message undeliverable");
        assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.PERMANENT);
    }

    @Test
    void expiredTokenIsAnAuthProblem() {
        answer = ex -> respond(ex, 401, "application/json", """
                {"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException",\
                "code":190,"error_subcode":463,"fbtrace_id":"A1b2C3"}}""");

        GraphApiClient.Result r = client.send(message());

        assertThat(r.httpStatus()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("190");
        assertThat(r.title()).contains("Session has expired");
        assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.AUTH);
    }

    @Test
    void serverErrorWithHtmlHasNoCode() {
        answer = ex -> respond(ex, 500, "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Sorry, something went wrong."
                        + "</h1></body></html>");

        GraphApiClient.Result r = client.send(message());

        assertThat(r.accepted()).isFalse();
        assertThat(r.httpStatus()).isEqualTo(500);
        assertThat(r.code()).isNull();
        assertThat(r.title()).isNotNull();
        assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.RETRY);
    }

    @Test
    void successWithoutAMessageIdIsNotAccepted() {
        answer = ex -> respond(ex, 200, "application/json", "{\"messaging_product\":\"whatsapp\",\"messages\":[]}");

        GraphApiClient.Result r = client.send(message());

        assertThat(r.accepted()).isFalse();
        assertThat(r.code()).isEqualTo("no-id");
        assertThat(SendOutcome.of(r)).as("not sent again: it may have gone out").isEqualTo(SendOutcome.PERMANENT);
    }

    @Test
    void slowAnswerIsATimeoutAndIsNotSentTwice() {
        answer = ex -> {
            release.await(5, TimeUnit.SECONDS);
            respond(ex, 200, "application/json", ACCEPTED);
        };

        long start = System.nanoTime();
        GraphApiClient.Result r = client.send(message());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(r.accepted()).isFalse();
        assertThat(r.httpStatus()).isZero();
        assertThat(r.code()).isEqualTo("timeout");
        assertThat(ms).as("gave up after the configured 300 ms").isBetween(250L, 2000L);
        assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.RETRY);
        assertThat(received).as("no automatic retry").hasSize(1);
    }

    @Test
    void noServerIsAnIoError() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (GraphApiClient c = new GraphApiClient(new WhatsAppConfig("http://127.0.0.1:" + port, "v23.0",
                PHONE_NUMBER_ID, Optional.of(TOKEN), "s", "v", 80, "", "en", Duration.ofMillis(300)))) {
            GraphApiClient.Result r = c.send(message());

            assertThat(r.accepted()).isFalse();
            assertThat(r.httpStatus()).isZero();
            assertThat(r.code()).isIn("io", "timeout");
            assertThat(SendOutcome.of(r)).isEqualTo(SendOutcome.RETRY);
        }
    }
}
