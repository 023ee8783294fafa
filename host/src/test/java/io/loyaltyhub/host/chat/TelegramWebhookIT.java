package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.api.chat.ChannelStatus;
import io.loyaltyhub.api.chat.Channels;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telegram in webhook mode end to end: Bot API-shaped updates posted to {@code /webhooks/telegram}
 * with the secret token, the engine answering through a tiny affiliates' flow, replies going to
 * WireMock as the Bot API.
 */
class TelegramWebhookIT {
    private static final AtomicLong USERS = new AtomicLong(610_000_000L);
    private static TelegramBotApi telegram;
    private static TestServer server;
    private static TelegramUpdates updates;

    @BeforeAll
    static void start() throws Exception {
        telegram = new TelegramBotApi();
        server = TestServer.start("tg-webhook", TelegramFixtures.echoFlowPlugins(), Clock.systemUTC(),
                c -> c.withChat(telegram.chatConfig(TelegramConfig.Mode.WEBHOOK, Duration.ofSeconds(5))));
        updates = new TelegramUpdates(server.base());
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

    private static long newUser() {
        return USERS.incrementAndGet();
    }

    private static List<String> awaitTexts(long user, int count) {
        String chat = Long.toString(user);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> telegram.sentTo(chat).size() >= count);
        return telegram.textsTo(chat);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theWebhookIsRegisteredWithItsSecretAtStart() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.logged("setWebhook").isEmpty());
        String body = telegram.logged("setWebhook").getFirst().getBodyAsString();
        assertThat(body).contains(TelegramBotApi.WEBHOOK_URL).contains(TelegramBotApi.SECRET).contains("callback_query");
        assertThat(telegram.logged("deleteWebhook")).isEmpty();
        assertThat(telegram.requests("getUpdates")).isEmpty();
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndNothingIsStored() {
        long user = newUser();
        long id = TelegramUpdates.newUpdateId();
        String update = TelegramUpdates.text(id, user, "hello").toString();
        assertThat(updates.post(update, "tg-webhook-secret_0123456789abcdeX")).isEqualTo(401);
        assertThat(updates.post(update, null)).isEqualTo(401);
        assertThat(updates.post(update, "")).isEqualTo(401);
        assertThat(updates.post("{\"not\":\"even json", "wrong")).isEqualTo(401);
        sleep(1000);
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE message_id = 'tg-" + id + "'")).isZero();
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE user_id = '" + user + "'")).isZero();
        assertThat(telegram.sentTo(Long.toString(user))).isEmpty();
        // the right secret with a body that is no update
        assertThat(updates.post("{\"hello\":1}", TelegramBotApi.SECRET)).isEqualTo(400);
    }

    @Test
    void theSameUpdatePostedThreeTimesIsAnsweredOnce() {
        long user = newUser();
        var update = TelegramUpdates.text(TelegramUpdates.newUpdateId(), user, "hello there");
        List<Integer> statuses = java.util.stream.IntStream.range(0, 3).parallel().mapToObj(i -> updates.post(update))
                .toList();
        assertThat(statuses).containsOnly(200);
        assertThat(awaitTexts(user, 1)).containsExactly("echo: hello there");
        updates.post(update); // Telegram retrying later
        sleep(1500);
        assertThat(telegram.textsTo(Long.toString(user))).containsExactly("echo: hello there");
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE user_id = '" + user + "'")).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE channel = 'telegram' AND audience = 'AFFILIATE' "
                + "AND user_id = '" + user + "' AND display_name = 'Asha Tester'")).isEqualTo(1);
    }

    @Test
    void aDeepLinkStartReachesTheFlowWithItsPayload() {
        long user = newUser();
        assertThat(updates.post(TelegramUpdates.text(TelegramUpdates.newUpdateId(), user, "/start inv_AB12"))).isEqualTo(200);
        assertThat(awaitTexts(user, 1)).containsExactly("echo: /start inv_AB12");
    }

    @Test
    void buttonsAreAnInlineKeyboardAndATapIsAnsweredAndReachesTheFlow() {
        long user = newUser();
        String chat = Long.toString(user);
        updates.post(TelegramUpdates.text(TelegramUpdates.newUpdateId(), user, "buttons"));
        awaitTexts(user, 1);
        JsonNode question = telegram.sentTo(chat).getFirst();
        assertThat(question.path("text").asText()).isEqualTo("Pick one");
        assertThat(question.path("entities").path(0).path("type").asText()).isEqualTo("bold");
        JsonNode row = question.path("reply_markup").path("inline_keyboard").path(0);
        assertThat(row).hasSize(2);
        assertThat(row.path(0).path("callback_data").asText()).isEqualTo("p:links");
        assertThat(row.path(1).path("text").asText()).isEqualTo("Stats");

        String callbackId = "cb" + user;
        var tap = TelegramUpdates.callback(TelegramUpdates.newUpdateId(), user, callbackId, "p:stats",
                "p:links", "My links", "p:stats", "Stats");
        assertThat(updates.post(tap)).isEqualTo(200);
        assertThat(awaitTexts(user, 2)).containsExactly("Pick one", "tapped p:stats (Stats)");
        await().atMost(Duration.ofSeconds(5)).until(() -> telegram.answeredCallbacks().contains(callbackId));
        // the same tap delivered again: answered again (harmless), applied once
        assertThat(updates.post(tap)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                telegram.answeredCallbacks().stream().filter(callbackId::equals).count() == 2);
        sleep(1000);
        assertThat(telegram.textsTo(chat)).hasSize(2);
    }

    @Test
    void theMenuKeywordShowsOneButtonPerRowAndARowTapIsTitledLikeOnWhatsApp() {
        TelegramUser u = new TelegramUser(newUser(), server, telegram, updates);
        u.says("/menu");
        assertThat(u.choices()).containsExactly("m:links", "m:stats", "m:help");
        JsonNode rows = u.last().getFirst().path("reply_markup").path("inline_keyboard");
        assertThat(rows).hasSize(3);
        assertThat(rows.path(1).path(0).path("text").asText()).isEqualTo("Stats · clicks and sales");
        u.taps("m:stats");
        assertThat(u.lastText()).contains("tapped m:stats (Stats)");
    }

    @Test
    void aPhotoGetsThePoliteAnswerAndOtherUpdatesNone() {
        long user = newUser();
        updates.post(TelegramUpdates.photo(TelegramUpdates.newUpdateId(), user));
        assertThat(awaitTexts(user, 1).getFirst()).startsWith("Sorry, I can only read text messages and button taps.");

        long other = newUser();
        var edited = TelegramUpdates.text(TelegramUpdates.newUpdateId(), other, "edited");
        edited.set("edited_message", edited.remove("message"));
        assertThat(updates.post(edited)).isEqualTo(200);
        sleep(1000);
        assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE user_id = '" + other + "'")).isZero();
        assertThat(telegram.sentTo(Long.toString(other))).isEmpty();
    }

    @Test
    void theChannelsPageShowsTelegram() {
        long user = newUser();
        updates.post(TelegramUpdates.text(TelegramUpdates.newUpdateId(), user, "status?"));
        awaitTexts(user, 1);
        Channels channels = server.server().service(Channels.class).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> channels.status().stream()
                .filter(s -> s.channel().equals("telegram")).findFirst().orElseThrow().sent24h() >= 1);
        ChannelStatus t = channels.status().stream().filter(s -> s.channel().equals("telegram")).findFirst().orElseThrow();
        assertThat(t.configured()).isTrue();
        assertThat(t.detail()).contains("@" + TelegramBotApi.USERNAME).contains("webhook").contains(TelegramBotApi.WEBHOOK_URL);
        assertThat(t.lastInbound()).isNotNull();
        ChannelStatus w = channels.status().stream().filter(s -> s.channel().equals("whatsapp")).findFirst().orElseThrow();
        assertThat(w.configured()).isFalse();
    }
}
