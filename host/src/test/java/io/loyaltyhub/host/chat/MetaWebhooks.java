package io.loyaltyhub.host.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.bots.whatsapp.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries shaped exactly like Meta's (entry / changes / value with metadata, contacts,
 * messages, statuses), signed with the app secret like Meta signs them, posted to a server.
 */
public final class MetaWebhooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final WebhookSignature signature = new WebhookSignature(MetaGraphApi.APP_SECRET);

    public MetaWebhooks(String serverBase) {
        this.url = serverBase + "/webhooks/whatsapp";
    }

    public static String newMessageId() {
        return "wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhgg" + Long.toHexString(IDS.incrementAndGet()).toUpperCase();
    }

    /** An envelope with one change whose value holds what {@code fill} adds. */
    public static ObjectNode delivery() {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages")
                .putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881")
                .put("phone_number_id", MetaGraphApi.PHONE_NUMBER_ID);
        return root;
    }

    static ObjectNode value(ObjectNode delivery) {
        return (ObjectNode) delivery.path("entry").path(0).path("changes").path(0).path("value");
    }

    /** Adds a message from {@code mobile} (E.164) with the profile name; returns the message node to fill. */
    public static ObjectNode addMessage(ObjectNode delivery, String mobile, String name, String id, String type) {
        String waId = mobile.replace("+", "");
        ObjectNode value = value(delivery);
        ArrayNode contacts = value.has("contacts") ? (ArrayNode) value.get("contacts") : value.putArray("contacts");
        if (contacts.findValues("wa_id").stream().noneMatch(n -> n.asText().equals(waId))) {
            contacts.addObject().put("wa_id", waId).putObject("profile").put("name", name);
        }
        ArrayNode messages = value.has("messages") ? (ArrayNode) value.get("messages") : value.putArray("messages");
        return messages.addObject().put("from", waId).put("id", id)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", type);
    }

    public static ObjectNode text(String mobile, String id, String body) {
        ObjectNode d = delivery();
        addMessage(d, mobile, "Asha Rao", id, "text").putObject("text").put("body", body);
        return d;
    }

    public static ObjectNode buttonReply(String mobile, String id, String choiceId, String title) {
        ObjectNode d = delivery();
        addMessage(d, mobile, "Asha Rao", id, "interactive").putObject("interactive").put("type", "button_reply")
                .putObject("button_reply").put("id", choiceId).put("title", title);
        return d;
    }

    public static ObjectNode listReply(String mobile, String id, String choiceId, String title, String description) {
        ObjectNode d = delivery();
        addMessage(d, mobile, "Asha Rao", id, "interactive").putObject("interactive").put("type", "list_reply")
                .putObject("list_reply").put("id", choiceId).put("title", title).put("description", description);
        return d;
    }

    public static ObjectNode image(String mobile, String id) {
        ObjectNode d = delivery();
        addMessage(d, mobile, "Asha Rao", id, "image").putObject("image").put("caption", "my bill")
                .put("mime_type", "image/jpeg").put("sha256", "aGVsbG8=").put("id", "1479537139650973");
        return d;
    }

    public static ObjectNode status(String wamid, String mobile, String status) {
        ObjectNode d = delivery();
        ObjectNode s = value(d).putArray("statuses").addObject().put("id", wamid).put("status", status)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()))
                .put("recipient_id", mobile.replace("+", ""));
        if (!status.equals("failed")) {
            s.putObject("conversation").put("id", "CONVERSATION_ID").putObject("origin").put("type", "service");
            s.putObject("pricing").put("billable", false).put("pricing_model", "PMP").put("category", "service");
        }
        return d;
    }

    public static ObjectNode failed(String wamid, String mobile, int code, String title) {
        ObjectNode d = status(wamid, mobile, "failed");
        ((ObjectNode) value(d).path("statuses").path(0)).putArray("errors").addObject().put("code", code)
                .put("title", title).put("message", title).putObject("error_data").put("details", title);
        return d;
    }

    /** {@code message_template_status_update}: a template's status changed (no metadata: it is the account's). */
    public static ObjectNode templateStatus(String name, String language, String event, String reason) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", MetaGraphApi.BUSINESS_ACCOUNT_ID)
                .put("time", Instant.now().getEpochSecond());
        entry.putArray("changes").addObject().put("field", "message_template_status_update").putObject("value")
                .put("event", event).put("message_template_id", 594425479261596L)
                .put("message_template_name", name).put("message_template_language", language)
                .put("reason", reason).put("message_template_category", "UTILITY");
        return root;
    }

    /** {@code user_preferences}: the user stopped ("stop") or resumed ("resume") marketing messages. */
    public static ObjectNode userPreference(String mobile, String name, String value) {
        ObjectNode d = delivery();
        ((ObjectNode) d.path("entry").path(0).path("changes").path(0)).put("field", "user_preferences");
        ObjectNode v = value(d);
        String waId = mobile.replace("+", "");
        v.putArray("contacts").addObject().put("wa_id", waId).putObject("profile").put("name", name);
        v.putArray("user_preferences").addObject().put("wa_id", waId)
                .put("detail", value.equals("stop") ? "User requested to stop marketing messages"
                        : "User requested to resume marketing messages")
                .put("category", "marketing_messages").put("value", value)
                .put("timestamp", Instant.now().getEpochSecond());
        return d;
    }

    /** Posts a delivery signed like Meta signs it; returns the HTTP status. */
    public int post(ObjectNode delivery) {
        byte[] body = delivery.toString().getBytes(StandardCharsets.UTF_8);
        return postRaw(body, signature.header(body));
    }

    public int postRaw(byte[] body, String signatureHeader) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureHeader != null) {
            b.header("X-Hub-Signature-256", signatureHeader);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String signatureOf(byte[] body) {
        return signature.header(body);
    }

    public HttpResponse<String> handshake(String mode, String token, String challenge) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + "?hub.mode=" + mode + "&hub.verify_token=" + token
                    + "&hub.challenge=" + challenge)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
