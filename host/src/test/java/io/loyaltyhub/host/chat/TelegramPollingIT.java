package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telegram in polling mode: updates come from {@code getUpdates}; a batch is confirmed (the next
 * call's offset is its last update id + 1) only once stored, each update is applied once, and a
 * restart that gets the same updates again (Telegram never saw the confirmation) applies none twice.
 */
class TelegramPollingIT {

    @Test
    void updatesArePolledConfirmedAndAppliedOnceAcrossARestart() throws Exception {
        long user = 630_000_001L;
        String chat = Long.toString(user);
        long first = TelegramUpdates.newUpdateId();
        long second = TelegramUpdates.newUpdateId();
        try (TelegramBotApi telegram = new TelegramBotApi()) {
            // Telegram's queue: two updates until they are confirmed, then nothing
            telegram.wireMock().stubFor(TelegramBotApi.getUpdates().atPriority(1)
                    .withRequestBody(notContaining("\"offset\""))
                    .willReturn(TelegramBotApi.ok(TelegramUpdates.batch(
                            TelegramUpdates.text(first, user, "/start inv_POLL1"),
                            TelegramUpdates.text(second, user, "hello from polling")))));
            telegram.wireMock().stubFor(TelegramBotApi.getUpdates().atPriority(2)
                    .withRequestBody(matchingJsonPath("$.offset", equalTo(Long.toString(second + 1))))
                    .willReturn(TelegramBotApi.ok("[]")));

            try (TestServer server = TestServer.start("tg-polling", TelegramFixtures.echoFlowPlugins(),
                    Clock.systemUTC(), c -> c.withChat(telegram.chatConfig(TelegramConfig.Mode.POLLING,
                            Duration.ofSeconds(5))))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(chat).size() >= 2);
                assertThat(telegram.textsTo(chat)).containsExactly("echo: /start inv_POLL1", "echo: hello from polling");
                // polling removed any webhook first, and confirmed the batch with the next call
                assertThat(telegram.logged("deleteWebhook")).isNotEmpty();
                await().atMost(Duration.ofSeconds(10)).until(() -> offsets(telegram).contains(second + 1));
                List<Long> offsets = offsets(telegram);
                assertThat(offsets.getFirst()).isEqualTo(-1L); // the first call confirms nothing
                assertThat(offsets).containsOnly(-1L, second + 1);
                assertThat(telegram.requests("getUpdates").getFirst().path("allowed_updates"))
                        .extracting(JsonNode::asText).containsExactly("message", "callback_query");

                // a restart before Telegram saw the confirmation: the same two updates come again
                telegram.wireMock().resetRequests();
                server.restart();
                await().atMost(Duration.ofSeconds(20)).until(() -> offsets(telegram).contains(second + 1));
                assertThat(offsets(telegram)).contains(-1L); // the restarted poller asked without an offset
                Thread.sleep(1500);
                assertThat(telegram.sentTo(chat)).isEmpty(); // nothing answered again after the restart
                assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE channel = 'telegram' AND user_id = '"
                        + chat + "'")).isEqualTo(2);
                assertThat(server.count("SELECT COUNT(*) FROM chat_outbound WHERE channel = 'telegram' AND user_id = '"
                        + chat + "'")).isEqualTo(2);
                assertThat(server.count("SELECT COUNT(*) FROM chat_inbound WHERE message_id IN ('tg-" + first
                        + "', 'tg-" + second + "') AND status = 'DONE'")).isEqualTo(2);
                // the webhook route is not taken in polling mode
                assertThat(new TelegramUpdates(server.base()).post(TelegramUpdates.text(TelegramUpdates.newUpdateId(),
                        user, "via webhook"))).isEqualTo(404);
            }
        }
    }

    /** The offset of each getUpdates call, oldest first; -1 for a call without one. */
    private static List<Long> offsets(TelegramBotApi telegram) {
        return telegram.requests("getUpdates").stream()
                .map(r -> r.has("offset") ? r.path("offset").asLong() : -1L).toList();
    }
}
