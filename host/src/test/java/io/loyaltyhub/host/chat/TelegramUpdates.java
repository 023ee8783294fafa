package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.bots.telegram.WebhookSecret;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Updates shaped exactly like the Bot API's, and posting them to a server's webhook as Telegram does. */
public final class TelegramUpdates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(870_000_000L + (System.nanoTime() % 1_000_000));
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(1000);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;

    public TelegramUpdates(String serverBase) {
        this.url = serverBase + "/webhooks/telegram";
    }

    public static long newUpdateId() {
        return UPDATE_IDS.incrementAndGet();
    }

    private static ObjectNode user(ObjectNode parent, String field, long userId, String firstName) {
        return parent.putObject(field).put("id", userId).put("is_bot", false).put("first_name", firstName)
                .put("last_name", "Tester").put("language_code", "en");
    }

    private static ObjectNode privateChat(ObjectNode message, long userId, String firstName) {
        return message.putObject("chat").put("id", userId).put("first_name", firstName).put("last_name", "Tester")
                .put("type", "private");
    }

    /** A message update from a person in their private chat with the bot; returns it to fill with content. */
    public static ObjectNode message(long updateId, long userId, String firstName) {
        ObjectNode u = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode m = u.putObject("message").put("message_id", MESSAGE_IDS.incrementAndGet());
        user(m, "from", userId, firstName);
        privateChat(m, userId, firstName);
        m.put("date", Instant.now().getEpochSecond());
        return u;
    }

    public static ObjectNode text(long updateId, long userId, String text) {
        ObjectNode u = message(updateId, userId, "Asha");
        ObjectNode m = (ObjectNode) u.get("message");
        m.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            m.putArray("entities").addObject().put("offset", 0).put("length", end).put("type", "bot_command");
        }
        return u;
    }

    public static ObjectNode photo(long updateId, long userId) {
        ObjectNode u = message(updateId, userId, "Asha");
        ((ObjectNode) u.get("message")).putArray("photo").addObject().put("file_id", "AgACAgQAAxkBAAIC")
                .put("file_unique_id", "AQADnbIxG").put("file_size", 1420).put("width", 90).put("height", 67);
        return u;
    }

    /**
     * A tap on an inline keyboard button under one of the bot's messages: {@code data} and the
     * keyboard the message carried ({@code buttons} as data/text pairs).
     */
    public static ObjectNode callback(long updateId, long userId, String callbackId, String data, String... buttons) {
        ObjectNode u = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode q = u.putObject("callback_query").put("id", callbackId);
        user(q, "from", userId, "Asha");
        ObjectNode m = q.putObject("message").put("message_id", MESSAGE_IDS.incrementAndGet());
        m.putObject("from").put("id", TelegramBotApi.BOT_ID).put("is_bot", true).put("first_name", "Loyalty")
                .put("username", TelegramBotApi.USERNAME);
        privateChat(m, userId, "Asha");
        m.put("date", Instant.now().getEpochSecond()).put("text", "Pick one");
        var row = m.putObject("reply_markup").putArray("inline_keyboard").addArray();
        for (int i = 0; i + 1 < buttons.length; i += 2) {
            row.addObject().put("text", buttons[i + 1]).put("callback_data", buttons[i]);
        }
        q.put("chat_instance", "-8235235235235235235").put("data", data);
        return u;
    }

    /** Posts an update with the right secret, as Telegram does; returns the HTTP status. */
    public int post(ObjectNode update) {
        return post(update.toString(), TelegramBotApi.SECRET);
    }

    public int post(String body, String secret) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(WebhookSecret.HEADER, secret);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("POST " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A {@code getUpdates} result holding these updates. */
    public static String batch(ObjectNode... updates) {
        var a = JSON.createArrayNode();
        for (ObjectNode u : updates) {
            a.add(u);
        }
        return a.toString();
    }
}
