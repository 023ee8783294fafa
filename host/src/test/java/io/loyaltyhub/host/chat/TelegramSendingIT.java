package io.loyaltyhub.host.chat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbound queue against a Bot API that pushes back: 429 with retry_after, 5xx, a user who
 * blocked the bot. Every message ends sent once or failed with Telegram's code.
 */
class TelegramSendingIT {
    private static final AtomicLong USERS = new AtomicLong(620_000_000L);
    private static TelegramBotApi telegram;
    private static TestServer server;
    private static Channels channels;

    @BeforeAll
    static void start() throws Exception {
        telegram = new TelegramBotApi();
        server = TestServer.start("tg-sending", TelegramFixtures.echoFlowPlugins(), Clock.systemUTC(),
                c -> c.withChat(telegram.chatConfig(TelegramConfig.Mode.WEBHOOK, Duration.ofMillis(700))));
        channels = server.server().service(Channels.class).orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    private static String newUser() {
        return Long.toString(USERS.incrementAndGet());
    }

    /** For one chat: the first answer is {@code first}, every later one accepted. */
    private static void firstThenAccept(String chat, ResponseDefinitionBuilder first) {
        String scenario = "tg" + chat;
        telegram.wireMock().stubFor(TelegramBotApi.sendMessageTo(chat).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(STARTED).willReturn(first).willSetStateTo("ok"));
        telegram.wireMock().stubFor(TelegramBotApi.sendMessageTo(chat).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs("ok").willReturn(TelegramBotApi.sent()));
    }

    private static long send(String chat, Reply reply) {
        return channels.send("telegram", chat, reply, null, "tg-test:" + chat + ":" + System.nanoTime());
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

    private static void awaitStatus(long id, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> column(id, "status").equals(status));
    }

    private static List<LoggedRequest> requestsTo(String chat) {
        return telegram.logged("sendmessage").stream()
                .filter(r -> r.getBodyAsString().contains("\"chat_id\":\"" + chat + "\"")).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a429IsRetriedAfterRetryAfterAndSentOnce() {
        String chat = newUser();
        firstThenAccept(chat, TelegramBotApi.error(429, "Too Many Requests: retry after 1", 1));
        long id = send(chat, Reply.text("Your commission of ₹420 is approved"));
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        List<LoggedRequest> sent = requestsTo(chat);
        assertThat(sent).hasSize(2);
        long gap = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(1000);
        assertThat(column(id, "attempts")).isEqualTo("2");
        assertThat(column(id, "provider_id")).startsWith(chat + ":");
        assertThat(column(id, "error_code")).isNull();
        sleep(1000);
        assertThat(requestsTo(chat)).hasSize(2);
    }

    @Test
    void a500IsRetriedAndTheMessageIsSentOnce() {
        String chat = newUser();
        firstThenAccept(chat, serverError().withBody("<html>500 Internal Server Error</html>"));
        long id = send(chat, Reply.buttons("Request a payout?", Choice.of("p:yes", "Yes"), Choice.of("p:no", "No")));
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        assertThat(requestsTo(chat)).hasSize(2);
        assertThat(column(id, "attempts")).isEqualTo("2");
        sleep(1000);
        assertThat(requestsTo(chat)).hasSize(2);
    }

    @Test
    void aTimeoutIsRetried() {
        String chat = newUser();
        firstThenAccept(chat, TelegramBotApi.sent().withFixedDelay(2000));
        long id = send(chat, Reply.text("slow"));
        awaitStatus(id, "SENT", Duration.ofSeconds(20));
        assertThat(requestsTo(chat)).hasSize(2);
    }

    @Test
    void aUserWhoBlockedTheBotFailsWith403() {
        String chat = newUser();
        telegram.wireMock().stubFor(TelegramBotApi.sendMessageTo(chat).atPriority(1)
                .willReturn(TelegramBotApi.error(403, "Forbidden: bot was blocked by the user", null)));
        long id = send(chat, Reply.text("Your payout was sent"));
        awaitStatus(id, "FAILED", Duration.ofSeconds(15));
        assertThat(column(id, "error_code")).isEqualTo("403");
        assertThat(column(id, "error_title")).isEqualTo("Forbidden: bot was blocked by the user");
        sleep(1500);
        assertThat(requestsTo(chat)).hasSize(1);
        var status = channels.status().stream().filter(s -> s.channel().equals("telegram")).findFirst().orElseThrow();
        assertThat(status.failed24h()).isGreaterThanOrEqualTo(1);
        assertThat(status.lastError()).isNotNull();
    }

    @Test
    void anUnknownChatFailsWith400() {
        String chat = newUser();
        telegram.wireMock().stubFor(TelegramBotApi.sendMessageTo(chat).atPriority(1)
                .willReturn(TelegramBotApi.error(400, "Bad Request: chat not found", null)));
        long id = send(chat, Reply.text("hello"));
        awaitStatus(id, "FAILED", Duration.ofSeconds(15));
        assertThat(column(id, "error_code")).isEqualTo("400");
        assertThat(column(id, "error_title")).contains("chat not found");
    }

    @Test
    void messagesToOneChatKeepTheirOrderAtAboutOneASecond() {
        String chat = newUser();
        List<Long> ids = java.util.stream.IntStream.range(0, 5).mapToObj(i -> send(chat, Reply.text("part " + i)))
                .toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> column(id, "status").equals("SENT")));
        assertThat(telegram.textsTo(chat)).containsExactly("part 0", "part 1", "part 2", "part 3", "part 4");
        List<LoggedRequest> sent = requestsTo(chat);
        // a short burst of three, then one a second
        long span = sent.get(4).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertThat(span).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void aLongTextIsSplitIntoMessagesWithinTelegramsLimit() {
        String chat = newUser();
        String paragraph = "Affiliate terms and conditions apply to every referral you make. ".repeat(40);
        long id = send(chat, Reply.text(paragraph + "\n\n" + paragraph));
        awaitStatus(id, "SENT", Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.textsTo(chat).size() == 2);
        assertThat(telegram.textsTo(chat)).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(4096));
    }
}
