package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loyaltyhub.bots.ChatConfig;
import io.loyaltyhub.bots.telegram.TelegramConfig;
import io.loyaltyhub.bots.whatsapp.WhatsAppConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * WireMock playing the Telegram Bot API ({@code /bot<token>/<method>}), answering like Telegram:
 * {@code {"ok":true,"result":...}} with a real {@code Message} (its {@code date} now) for
 * {@code sendMessage}, {@code true} for {@code answerCallbackQuery}, {@code setWebhook} and
 * {@code deleteWebhook}, an empty batch for {@code getUpdates}; or Telegram's error documents.
 */
public final class TelegramBotApi implements AutoCloseable {
    public static final long BOT_ID = 7000000001L;
    public static final String TOKEN = BOT_ID + ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    public static final String USERNAME = "loyalty_test_bot";
    public static final String SECRET = "tg-webhook-secret_0123456789abcdef";
    public static final String WEBHOOK_URL = "https://loyalty.example.test/webhooks/telegram";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer wm;

    public TelegramBotApi() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(32));
        wm.start();
        reset();
    }

    /** The chat configuration of a server whose Telegram channel talks to this WireMock (WhatsApp off). */
    public ChatConfig chatConfig(TelegramConfig.Mode mode, Duration timeout) {
        return new ChatConfig("en", "IN", WhatsAppConfig.off(), new TelegramConfig(Optional.of(TOKEN), USERNAME,
                "http://127.0.0.1:" + wm.port(), mode, SECRET, WEBHOOK_URL, timeout, Duration.ofSeconds(1)), 4);
    }

    public WireMockServer wireMock() {
        return wm;
    }

    public static String path(String method) {
        return "/bot" + TOKEN + "/" + method;
    }

    /** Every method answered the way Telegram answers when all is well. */
    public void reset() {
        wm.resetAll();
        wm.stubFor(sendMessage().atPriority(10).willReturn(sent()));
        wm.stubFor(post(urlPathEqualTo(path("answercallbackquery"))).willReturn(ok("true")));
        wm.stubFor(post(urlPathEqualTo(path("setWebhook"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}")));
        wm.stubFor(post(urlPathEqualTo(path("deleteWebhook"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":true,\"description\":\"Webhook is already deleted\"}")));
        wm.stubFor(getUpdates().atPriority(10).willReturn(ok("[]")));
    }

    public static MappingBuilder sendMessage() {
        return post(urlPathEqualTo(path("sendmessage")));
    }

    public static MappingBuilder sendMessageTo(String chatId) {
        return sendMessage().withRequestBody(matchingJsonPath("$.chat_id", equalTo(chatId)));
    }

    public static MappingBuilder getUpdates() {
        return post(urlPathEqualTo(path("getUpdates")));
    }

    public static ResponseDefinitionBuilder ok(String resultJson) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":" + resultJson + "}");
    }

    /** sendMessage accepted: the Message as Telegram returns it, with a fresh message_id and the date now. */
    public static ResponseDefinitionBuilder sent() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000 upper=2000000000}},"
                        + "\"from\":{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"Loyalty\",\"username\":\""
                        + USERNAME + "\"},\"chat\":{\"id\":{{jsonPath request.body '$.chat_id'}} ,"
                        + "\"first_name\":\"Affiliate\",\"type\":\"private\"},\"date\":{{now format='unix'}} } }")
                .withTransformers("response-template");
    }

    /** Telegram's error document, e.g. 403 "Forbidden: bot was blocked by the user" or 429 with retry_after. */
    public static ResponseDefinitionBuilder error(int code, String description, Integer retryAfter) {
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":\"" + description + "\""
                        + (retryAfter == null ? "" : ",\"parameters\":{\"retry_after\":" + retryAfter + "}") + "}");
    }

    /** The bodies of every request to a method, oldest first. */
    public List<JsonNode> requests(String method) {
        return logged(method).stream().map(TelegramBotApi::body).toList();
    }

    public List<LoggedRequest> logged(String method) {
        return wm.findAll(postRequestedFor(urlPathEqualTo(path(method))));
    }

    /** The sendMessage bodies to one chat, oldest first. */
    public List<JsonNode> sentTo(String chatId) {
        return requests("sendmessage").stream().filter(r -> r.path("chat_id").asText().equals(chatId)).toList();
    }

    public List<String> textsTo(String chatId) {
        return sentTo(chatId).stream().map(r -> r.path("text").asText()).toList();
    }

    public List<String> answeredCallbacks() {
        return requests("answercallbackquery").stream().map(r -> r.path("callback_query_id").asText()).toList();
    }

    private static JsonNode body(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (IOException e) {
            return JSON.createObjectNode().put("raw", r.getBodyAsString()); // multipart (setWebhook)
        }
    }

    @Override
    public void close() {
        wm.stop();
    }
}
