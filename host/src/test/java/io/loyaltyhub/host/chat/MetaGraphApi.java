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
    /** The WhatsApp Business Account the test number belongs to (as in the webhooks' entry id). */
    public static final String BUSINESS_ACCOUNT_ID = "102290129340398";
    public static final String TEMPLATES_PATH = "/v23.0/" + BUSINESS_ACCOUNT_ID + "/message_templates";
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

    /** With the business account id (message templates) and the given Telegram channel. */
    public ChatConfig chatConfig(Duration timeout, TelegramConfig telegram) {
        ChatConfig c = chatConfig(timeout);
        return new ChatConfig(c.defaultLanguage(), c.defaultRegion(),
                c.whatsapp().withBusinessAccountId(BUSINESS_ACCOUNT_ID), telegram, c.concurrentTurns());
    }

    /**
     * {@code GET /{waba}/message_templates} answers with {@code templates}, in pages of {@code pageSize} linked by
     * Meta's cursors ({@code paging.cursors.after}, {@code paging.next} while there are more).
     */
    public void stubTemplates(List<? extends JsonNode> templates, int pageSize) {
        wm.removeStubsByMetadata(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.kind",
                equalTo("templates")));
        int pages = Math.max(1, (templates.size() + pageSize - 1) / pageSize);
        for (int p = 0; p < pages; p++) {
            com.fasterxml.jackson.databind.node.ObjectNode page = JSON.createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode data = page.putArray("data");
            templates.subList(p * pageSize, Math.min(templates.size(), (p + 1) * pageSize)).forEach(data::add);
            com.fasterxml.jackson.databind.node.ObjectNode paging = page.putObject("paging");
            paging.putObject("cursors").put("before", "c" + p + "b").put("after", "c" + p + "a");
            if (p < pages - 1) {
                paging.put("next", "https://graph.facebook.com" + TEMPLATES_PATH + "?limit=" + pageSize + "&after=c"
                        + p + "a");
            }
            MappingBuilder get = com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(TEMPLATES_PATH))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN));
            get = p == 0 ? get.withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                    : get.withQueryParam("after", equalTo("c" + (p - 1) + "a"));
            wm.stubFor(get.withMetadata(java.util.Map.of("kind", "templates")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(page.toString())));
        }
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
