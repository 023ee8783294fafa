package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.host.testing.TestServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An affiliate on Telegram, as a test drives one (webhook mode): sends text or taps an inline
 * keyboard button the bot offered (Bot API-shaped updates with the secret token) and reads the
 * bot's answer from what reached WireMock. For the affiliates' flow tests too.
 */
final class TelegramUser {
    final long userId;
    private final TestServer server;
    private final TelegramBotApi telegram;
    private final TelegramUpdates updates;
    private int seen;
    private List<JsonNode> last = List.of();

    TelegramUser(long userId, TestServer server, TelegramBotApi telegram, TelegramUpdates updates) {
        this.userId = userId;
        this.server = server;
        this.telegram = telegram;
        this.updates = updates;
    }

    String chatId() {
        return Long.toString(userId);
    }

    /** Types a message (e.g. {@code /start inv_AB12}); returns the bot's answer (every message it sent for it). */
    List<JsonNode> says(String text) {
        long id = TelegramUpdates.newUpdateId();
        return deliver(id, TelegramUpdates.text(id, userId, text));
    }

    /** Taps a button the bot offered in its last answer (fails if it was not offered). */
    List<JsonNode> taps(String choiceId) {
        List<String> keyboard = new ArrayList<>();
        JsonNode under = null;
        for (JsonNode m : last) {
            for (JsonNode row : m.path("reply_markup").path("inline_keyboard")) {
                for (JsonNode b : row) {
                    if (b.path("callback_data").asText().equals(choiceId)) {
                        under = m;
                    }
                }
            }
        }
        assertThat(under).as("button %s offered in %s", choiceId, last).isNotNull();
        for (JsonNode row : under.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                keyboard.add(b.path("callback_data").asText());
                keyboard.add(b.path("text").asText());
            }
        }
        long id = TelegramUpdates.newUpdateId();
        return deliver(id, TelegramUpdates.callback(id, userId, "cb" + id, choiceId, keyboard.toArray(String[]::new)));
    }

    List<JsonNode> deliver(long updateId, ObjectNode update) {
        assertThat(updates.post(update)).isEqualTo(200);
        String messageId = "tg-" + updateId;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> server.count(
                "SELECT COUNT(*) FROM chat_inbound WHERE message_id = '" + messageId + "' AND status = 'DONE'") == 1);
        long replies = server.count("SELECT COUNT(*) FROM chat_outbound WHERE idempotency_key LIKE 'telegram:"
                + messageId + ":%'");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> telegram.sentTo(chatId()).size() >= seen + replies);
        List<JsonNode> all = telegram.sentTo(chatId());
        last = List.copyOf(all.subList(seen, (int) (seen + replies)));
        seen += (int) replies;
        return last;
    }

    /** Treats the first {@code n} messages to this user as read (e.g. a notification the test checked itself). */
    void skipSeen(int n) {
        seen = n;
    }

    List<JsonNode> last() {
        return last;
    }

    /** All text the last answer showed: message texts and button labels. */
    String lastText() {
        StringBuilder b = new StringBuilder();
        for (JsonNode m : last) {
            b.append(m.path("text").asText()).append('\n');
            m.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(x ->
                    b.append(x.path("text").asText()).append('\n')));
        }
        return b.toString();
    }

    /** The callback data of every button in the last answer. */
    List<String> choices() {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : last) {
            m.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(x ->
                    ids.add(x.path("callback_data").asText())));
        }
        return ids;
    }
}
