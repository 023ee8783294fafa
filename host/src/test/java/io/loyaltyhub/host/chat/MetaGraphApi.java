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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * WireMock playing the WhatsApp Cloud API's {@code POST /{version}/{phone-number-id}/messages},
 * answering like Meta does: 200 with a fresh wamid, or Meta's error documents.
 */
public final class MetaGraphApi implements AutoCloseable {
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String TOKEN = "EAAG-test-access-token";
    public static final String APP_SECRET = "test-app-secret-0123456789";
    public static final String VERIFY_TOKEN = "verify-me-please";
    public static final String PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
    public static final String FALLBACK_TEMPLATE = "loyalty_update";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer wm;

    public MetaGraphApi() {
        this(new com.github.tomakehurst.wiremock.extension.Extension[0]);
    }

    /** With WireMock extensions, e.g. one that enforces a throughput limit (benchmarks). */
    public MetaGraphApi(com.github.tomakehurst.wiremock.extension.Extension... extensions) {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(64)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(32).extensions(extensions));
        wm.start();
        acceptAll();
    }

    /** The chat configuration of a server that talks to this WireMock. */
    public ChatConfig chatConfig(Duration timeout) {
        return new ChatConfig("en", "IN", new WhatsAppConfig("http://127.0.0.1:" + wm.port(), "v23.0",
                PHONE_NUMBER_ID, Optional.of(TOKEN), APP_SECRET, VERIFY_TOKEN, 80, FALLBACK_TEMPLATE, "en", timeout),
                TelegramConfig.off(), 4);
    }

    public WireMockServer wireMock() {
        return wm;
    }

    /** Every send accepted, each with its own wamid. */
    public void acceptAll() {
        wm.resetAll();
        wm.stubFor(messages().atPriority(10).willReturn(accepted()));
    }

    public static MappingBuilder messages() {
        return post(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    public static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"{{jsonPath request.body '$.to'}}\","
                        + "\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],\"messages\":[{\"id\":\"wamid.HBgM{{randomValue "
                        + "length=40 type='ALPHANUMERIC'}}\"}]}")
                .withTransformers("response-template");
    }

    /** Meta's error document for {@code code}, as the Graph API sends it (HTTP 400 unless given). */
    public static ResponseDefinitionBuilder error(int httpStatus, int code, String message, String details) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#" + code + ") " + message + "\",\"type\":\"OAuthException\","
                        + "\"code\":" + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\""
                        + details + "\"},\"fbtrace_id\":\"AbCdEfGhIjK\"}}");
    }

    /** Every request that reached the messages endpoint, oldest first. */
    public List<JsonNode> requests() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream().map(MetaGraphApi::body).toList();
    }

    /** The requests to one user (E.164 with or without '+'), oldest first. */
    public List<JsonNode> requestsTo(String mobile) {
        String to = mobile.startsWith("+") ? mobile.substring(1) : mobile;
        return requests().stream().filter(r -> r.path("to").asText().equals(to)).toList();
    }

    private static JsonNode body(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        wm.stop();
    }
}
