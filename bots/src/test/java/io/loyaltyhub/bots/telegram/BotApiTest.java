package io.loyaltyhub.bots.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Bot API calls and how their answers are classified, against a tiny in-process HTTP server. */
class BotApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static final String SENT = """
            {"ok":true,"result":{"message_id":2001,"from":{"id":123456789,"is_bot":true,"first_name":"Loyalty",\
            "username":"loyalty_test_bot"},"chat":{"id":612345678,"first_name":"Asha","type":"private"},\
            "date":1718000000,"text":"hello"}}""";

    private record Received(String path, String body) {
    }

    private interface Answer {
        void answer(HttpExchange exchange) throws Exception;
    }

    private HttpServer server;
    private ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer;
    private BotApi api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestURI().getPath(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer.answer(exchange);
            } catch (Exception e) {
                // the client gave up (timeout)
            }
        });
        server.start();
        api = new BotApi(new TelegramConfig(Optional.of(TOKEN), "loyalty_test_bot",
                "http://127.0.0.1:" + server.getAddress().getPort(), TelegramConfig.Mode.POLLING, "", "",
                Duration.ofMillis(400), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        api.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private static Answer reply(int status, String contentType, String body) {
        return ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        };
    }

    private static Answer telegram(int status, String body) {
        return reply(status, "application/json", body);
    }

    private BotApi.Result send() throws InterruptedException {
        return api.send(TelegramRenderer.render("612345678", Reply.text("hello")));
    }

    @Test
    void anAcceptedMessageIsKnownByChatAndMessageId() throws Exception {
        answer = telegram(200, SENT);
        BotApi.Result r = send();
        assertThat(r.accepted()).isTrue();
        assertThat(r.providerId()).isEqualTo("612345678:2001");
        assertThat(TelegramOutcome.of(r)).isEqualTo(TelegramOutcome.SENT);
        assertThat(received.getFirst().path()).isEqualTo("/bot" + TOKEN + "/sendmessage");
        JsonNode body = JSON.readTree(received.getFirst().body());
        assertThat(body.path("chat_id").asText()).isEqualTo("612345678");
        assertThat(body.path("text").asText()).isEqualTo("hello");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        answer = telegram(429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""");
        BotApi.Result r = send();
        assertThat(r.code()).isEqualTo("429");
        assertThat(r.retryAfter()).isEqualTo(7);
        assertThat(TelegramOutcome.of(r)).isEqualTo(TelegramOutcome.RATE_LIMITED);
        assertThat(TelegramOutcome.retryAfter(r)).isEqualTo(Duration.ofSeconds(7));
        assertThat(TelegramOutcome.retryAfter(new BotApi.Result(null, "429", "", null))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void blockedAndUnknownChatsFailWithTelegramsCodeAndDescription() throws Exception {
        answer = telegram(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        BotApi.Result blocked = send();
        assertThat(blocked.code()).isEqualTo("403");
        assertThat(blocked.description()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(TelegramOutcome.of(blocked)).isEqualTo(TelegramOutcome.PERMANENT);
        answer = telegram(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        assertThat(TelegramOutcome.of(send())).isEqualTo(TelegramOutcome.PERMANENT);
        answer = telegram(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        assertThat(TelegramOutcome.of(send())).isEqualTo(TelegramOutcome.AUTH);
    }

    @Test
    void serverErrorsHtmlPagesAndTimeoutsAreRetried() throws Exception {
        answer = telegram(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
        assertThat(TelegramOutcome.of(send())).isEqualTo(TelegramOutcome.RETRY);
        answer = reply(502, "text/html", "<html><body>502 Bad Gateway</body></html>");
        BotApi.Result gateway = send();
        assertThat(gateway.code()).isEqualTo("502");
        assertThat(TelegramOutcome.of(gateway)).isEqualTo(TelegramOutcome.RETRY);
        answer = ex -> {
            Thread.sleep(2000);
            telegram(200, SENT).answer(ex);
        };
        BotApi.Result slow = send();
        assertThat(slow.code()).isEqualTo("timeout");
        assertThat(TelegramOutcome.of(slow)).isEqualTo(TelegramOutcome.RETRY);
    }

    @Test
    void getUpdatesSendsTheOffsetAndReturnsEachUpdateRaw() throws Exception {
        answer = telegram(200, """
                {"ok":true,"result":[{"update_id":5001,"message":{"message_id":1,"from":{"id":42,"is_bot":false,\
                "first_name":"A"},"chat":{"id":42,"first_name":"A","type":"private"},"date":1718000000,"text":"hi"}},\
                {"update_id":5002,"some_update_kind_from_the_future":{}}]}""");
        BotApi.Updates u = api.getUpdates(5001L, 0, 100);
        assertThat(u.error()).isNull();
        assertThat(u.updates()).extracting(n -> n.path("update_id").asLong()).containsExactly(5001L, 5002L);
        JsonNode body = JSON.readTree(received.getFirst().body());
        assertThat(received.getFirst().path()).isEqualTo("/bot" + TOKEN + "/getUpdates");
        assertThat(body.path("offset").asLong()).isEqualTo(5001);
        assertThat(body.path("allowed_updates")).extracting(JsonNode::asText).containsExactly("message", "callback_query");
        answer = telegram(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request\"}");
        assertThat(api.getUpdates(null, 0, 100).error().code()).isEqualTo("409");
        assertThat(JSON.readTree(received.get(1).body()).has("offset")).isFalse();
    }

    @Test
    void answerCallbackQueryAndWebhookCalls() throws Exception {
        answer = telegram(200, "{\"ok\":true,\"result\":true}");
        api.answerCallback("4382bfdwdsb323b2d9");
        api.deleteWebhook();
        api.setWebhook("https://loyalty.example.com/webhooks/telegram", "s3cr3t");
        assertThat(received).extracting(Received::path).containsExactly("/bot" + TOKEN + "/answercallbackquery",
                "/bot" + TOKEN + "/deleteWebhook", "/bot" + TOKEN + "/setWebhook");
        assertThat(JSON.readTree(received.getFirst().body()).path("callback_query_id").asText())
                .isEqualTo("4382bfdwdsb323b2d9");
        assertThat(received.get(2).body()).contains("s3cr3t").contains("https://loyalty.example.com/webhooks/telegram");
    }
}
