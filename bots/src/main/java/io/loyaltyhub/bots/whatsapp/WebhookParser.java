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
import java.util.regex.Pattern;

/**
 * Reads the Cloud API webhook payload: {@code entry[].changes[].value} with {@code metadata},
 * {@code contacts}, {@code messages}, {@code statuses} and {@code errors}. Text, interactive
 * {@code button_reply} / {@code list_reply} and legacy template {@code button} replies become
 * input; everything else (image, location, unsupported, ...) becomes an "unsupported" message the
 * engine answers politely. Reactions and system notices are not answered.
 *
 * <p>Business-scoped user ids (BSUID, {@code US.13491208655302741918}): a message carries
 * {@code from_user_id} always and {@code from} (the phone number) only when the number is visible
 * to the business. A message without a number is keyed by its BSUID, which is never read as a phone
 * number, also when it arrives in {@code from}. A {@code contacts} message sent by tapping the
 * number request ({@code origin: contact_request}) is the user's own number; a contact card shared
 * by hand is somebody's, and is not answered as such. {@code user_changed_user_id} and
 * {@code user_changed_number} notices report a user's new BSUID.
 *
 * <p>The {@code message_template_status_update} field (no {@code metadata}: it is about the business account)
 * reports template status changes; the {@code user_preferences} field a user stopping or resuming marketing messages.
 */
public final class WebhookParser {
    public static final String CHANNEL = "whatsapp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_ANSWERED = Set.of("reaction", "system", "ephemeral", "request_welcome");
    /** A business-scoped user id: country, optionally ENT (a parent id), then up to 128 letters and digits. */
    private static final Pattern BSUID = Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");
    private static final Pattern PHONE_DIGITS = Pattern.compile("\\+?[0-9]{6,15}");

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
        List<WebhookDelivery.IdChange> idChanges = new ArrayList<>();
        List<WebhookDelivery.TemplateUpdate> templates = new ArrayList<>();
        List<WebhookDelivery.PreferenceUpdate> preferences = new ArrayList<>();
        int ignored = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (change.path("field").asText("").equals("message_template_status_update")) {
                    String name = value.path("message_template_name").asText("");
                    if (!name.isEmpty()) {
                        templates.add(new WebhookDelivery.TemplateUpdate(name,
                                value.path("message_template_language").asText(""), value.path("event").asText(""),
                                value.path("reason").asText(null), value.path("message_template_category").asText(null)));
                    }
                    continue;
                }
                String number = value.path("metadata").path("phone_number_id").asText("");
                if (!number.isEmpty() && !phoneNumberId.isEmpty() && !number.equals(phoneNumberId)) {
                    ignored += value.path("messages").size() + value.path("statuses").size();
                    continue;
                }
                Map<String, String> names = new HashMap<>(); // by wa_id and by user_id
                for (JsonNode c : value.path("contacts")) {
                    String name = c.path("profile").path("name").asText("");
                    for (String key : new String[]{c.path("wa_id").asText(""), c.path("user_id").asText("")}) {
                        if (!key.isEmpty()) {
                            names.put(key, name);
                        }
                    }
                }
                for (JsonNode m : value.path("messages")) {
                    idChange(m).ifPresent(idChanges::add);
                    InboundMessage parsed = message(m, names);
                    if (parsed == null) {
                        ignored++;
                    } else {
                        messages.add(parsed);
                    }
                }
                for (JsonNode p : value.path("user_preferences")) {
                    String waId = p.path("wa_id").asText("");
                    String what = p.path("value").asText("");
                    if (p.path("category").asText("").equals("marketing_messages") && PHONE_DIGITS.matcher(waId).matches()
                            && (what.equals("stop") || what.equals("resume"))) {
                        preferences.add(new WebhookDelivery.PreferenceUpdate("+" + waId.replace("+", ""),
                                what.equals("resume"), epoch(p.path("timestamp"))));
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
        return new WebhookDelivery(messages, statuses, idChanges, templates, preferences, ignored);
    }

    /** Whether {@code id} is a business-scoped user id (and so never a phone number). */
    static boolean isBusinessScopedId(String id) {
        return id != null && BSUID.matcher(id).matches();
    }

    /** Who sent {@code m}: the phone number (E.164) when visible, and the business-scoped id when given. */
    record Sender(String phone, String bsuid) {
        /** The key the conversation goes by: the number where there is one. */
        String userId() {
            return phone != null ? phone : bsuid;
        }
    }

    static Sender sender(JsonNode m) {
        String from = m.path("from").asText("");
        String userId = m.path("from_user_id").asText("");
        String phone = null;
        String bsuid = BSUID.matcher(userId).matches() ? userId : null;
        if (BSUID.matcher(from).matches()) {
            bsuid = bsuid != null ? bsuid : from; // never a phone number
        } else if (PHONE_DIGITS.matcher(from).matches()) {
            phone = "+" + from.replace("+", "");
        }
        return phone == null && bsuid == null ? null : new Sender(phone, bsuid);
    }

    /** A notice that a user's BSUID changed ({@code previous_user_id} to {@code user_id}). */
    private static java.util.Optional<WebhookDelivery.IdChange> idChange(JsonNode m) {
        JsonNode sys = m.path("system");
        String type = sys.path("type").asText("");
        String previous = sys.path("previous_user_id").asText("");
        String current = sys.path("user_id").asText("");
        if ((type.equals("user_changed_user_id") || type.equals("user_changed_number"))
                && BSUID.matcher(previous).matches() && BSUID.matcher(current).matches()) {
            String waId = sys.path("wa_id").asText("");
            return java.util.Optional.of(new WebhookDelivery.IdChange(previous, current,
                    PHONE_DIGITS.matcher(waId).matches() ? "+" + waId.replace("+", "") : null));
        }
        return java.util.Optional.empty();
    }

    private static InboundMessage message(JsonNode m, Map<String, String> names) {
        String type = m.path("type").asText("");
        Sender sender = sender(m);
        String id = m.path("id").asText("");
        if (sender == null || id.isEmpty() || NOT_ANSWERED.contains(type)) {
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
            case "contacts" -> {
                String own = ownNumber(m);
                input = own != null ? Inbound.phoneShared(own) : Inbound.unsupported("contacts");
                what = own != null ? null : "contacts";
            }
            default -> {
                input = Inbound.unsupported(type);
                what = type.isEmpty() ? "unknown" : type;
            }
        }
        String name = names.getOrDefault(sender.phone() == null ? "" : sender.phone().substring(1),
                names.getOrDefault(sender.bsuid() == null ? "" : sender.bsuid(), ""));
        return new InboundMessage(new ChatUser(CHANNEL, sender.userId(), name), Audience.CUSTOMER, id, input,
                what == null ? null : cut(what), epoch(m.path("timestamp")), sender.bsuid());
    }

    /**
     * The number a {@code contacts} message shares when the user tapped the number request
     * ({@code origin: contact_request}, on the card or, in older payloads, on the message); else null.
     */
    private static String ownNumber(JsonNode m) {
        JsonNode card = m.path("contacts").path(0);
        String origin = card.path("origin").asText(m.path("origin").asText(""));
        if (!origin.equals("contact_request")) {
            return null;
        }
        JsonNode phone = card.path("phones").path(0);
        String digits = phone.path("wa_id").asText(phone.path("phone").asText("")).replaceAll("[^0-9]", "");
        return PHONE_DIGITS.matcher(digits).matches() ? "+" + digits : null;
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
