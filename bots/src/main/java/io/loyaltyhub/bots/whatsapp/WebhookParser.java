package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.bots.engine.InboundMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Cloud API webhook payload: {@code entry[].changes[].value} with {@code metadata},
 * {@code contacts}, {@code messages}, {@code statuses} and {@code errors}. Text, interactive
 * {@code button_reply} / {@code list_reply} and legacy template {@code button} replies become
 * input; everything else (image, location, unsupported, ...) becomes an "unsupported" message the
 * engine answers politely. Reactions and system notices are not answered.
 */
public final class WebhookParser {
    public static final String CHANNEL = "whatsapp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_ANSWERED = Set.of("reaction", "system", "ephemeral", "request_welcome");

    private final String phoneNumberId;

    /** @param phoneNumberId deliveries for other numbers of the same business account are ignored */
    public WebhookParser(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public WebhookDelivery parse(byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<WebhookDelivery.StatusUpdate> statuses = new ArrayList<>();
        int ignored = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String number = value.path("metadata").path("phone_number_id").asText("");
                if (!number.isEmpty() && !phoneNumberId.isEmpty() && !number.equals(phoneNumberId)) {
                    ignored += value.path("messages").size() + value.path("statuses").size();
                    continue;
                }
                Map<String, String> names = new HashMap<>();
                for (JsonNode c : value.path("contacts")) {
                    names.put(c.path("wa_id").asText(), c.path("profile").path("name").asText(""));
                }
                for (JsonNode m : value.path("messages")) {
                    InboundMessage parsed = message(m, names);
                    if (parsed == null) {
                        ignored++;
                    } else {
                        messages.add(parsed);
                    }
                }
                for (JsonNode s : value.path("statuses")) {
                    JsonNode err = s.path("errors").path(0);
                    statuses.add(new WebhookDelivery.StatusUpdate(s.path("id").asText(), s.path("status").asText(),
                            epoch(s.path("timestamp")), err.isMissingNode() ? null : err.path("code").asText(),
                            err.isMissingNode() ? null : err.path("title").asText(err.path("message").asText(""))));
                }
            }
        }
        return new WebhookDelivery(messages, statuses, ignored);
    }

    private static InboundMessage message(JsonNode m, Map<String, String> names) {
        String type = m.path("type").asText("");
        String from = m.path("from").asText("");
        String id = m.path("id").asText("");
        if (from.isEmpty() || id.isEmpty() || NOT_ANSWERED.contains(type)) {
            return null;
        }
        Inbound input;
        String what = null;
        switch (type) {
            case "text" -> input = Inbound.text(m.path("text").path("body").asText(""));
            case "interactive" -> {
                JsonNode i = m.path("interactive");
                String kind = i.path("type").asText("");
                JsonNode reply = i.path(kind);
                if ((kind.equals("button_reply") || kind.equals("list_reply")) && reply.hasNonNull("id")) {
                    input = Inbound.choice(reply.path("id").asText(), reply.path("title").asText(""));
                } else {
                    input = Inbound.unsupported(kind);
                    what = "interactive:" + kind;
                }
            }
            case "button" -> {
                JsonNode b = m.path("button");
                String payload = b.path("payload").asText("");
                input = payload.isEmpty() ? Inbound.text(b.path("text").asText(""))
                        : Inbound.choice(payload, b.path("text").asText(""));
            }
            default -> {
                input = Inbound.unsupported(type);
                what = type.isEmpty() ? "unknown" : type;
            }
        }
        String userId = "+" + from.replaceAll("[^0-9]", "");
        return new InboundMessage(new ChatUser(CHANNEL, userId, names.getOrDefault(from, "")), Audience.CUSTOMER, id,
                input, what == null ? null : cut(what), epoch(m.path("timestamp")));
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static Instant epoch(JsonNode n) {
        try {
            return n.isMissingNode() || n.isNull() ? null : Instant.ofEpochSecond(Long.parseLong(n.asText()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
