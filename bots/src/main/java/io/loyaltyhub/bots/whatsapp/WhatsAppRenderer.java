package io.loyaltyhub.bots.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.bots.engine.TextFit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.loyaltyhub.bots.whatsapp.WhatsAppLimits.*;

/**
 * Turns a channel-neutral reply into Cloud API {@code /messages} bodies within WhatsApp's limits:
 * titles and descriptions shortened at a word end, duplicate titles made distinct (WhatsApp
 * refuses them).
 */
public final class WhatsAppRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WhatsAppRenderer() {
    }

    /**
     * The request body for one reply to {@code to} (E.164). Texts longer than 4,096 characters are
     * split into several messages when queued ({@link io.loyaltyhub.bots.engine.OutboundStore}); here
     * they would be shortened.
     */
    public static ObjectNode render(String to, Reply reply) {
        return switch (reply) {
            case Reply.Text t -> text(to, TextFit.fit(nonEmpty(t.body()), TEXT_BODY));
            case Reply.Buttons b -> buttons(to, b);
            case Reply.Menu m -> list(to, m);
            case Reply.Template t -> template(to, t);
            case Reply.PhoneRequest r -> phoneRequest(to, r);
        };
    }

    /** To a number ({@code to}, digits), or to a business-scoped user id ({@code recipient}). */
    private static ObjectNode envelope(String to, String type) {
        ObjectNode n = JSON.createObjectNode();
        n.put("messaging_product", "whatsapp").put("recipient_type", "individual");
        if (WebhookParser.isBusinessScopedId(to)) {
            n.put("recipient", to);
        } else {
            n.put("to", to.startsWith("+") ? to.substring(1) : to);
        }
        return n.put("type", type);
    }

    private static ObjectNode phoneRequest(String to, Reply.PhoneRequest r) {
        ObjectNode n = envelope(to, "interactive");
        ObjectNode i = n.putObject("interactive").put("type", "request_contact_info");
        i.putObject("body").put("text", TextFit.fit(nonEmpty(r.body()), BUTTONS_BODY));
        i.putObject("action").put("name", "request_contact_info");
        return n;
    }

    private static ObjectNode text(String to, String body) {
        ObjectNode n = envelope(to, "text");
        n.putObject("text").put("preview_url", body.contains("https://")).put("body", body);
        return n;
    }

    private static ObjectNode buttons(String to, Reply.Buttons b) {
        ObjectNode n = envelope(to, "interactive");
        ObjectNode i = n.putObject("interactive").put("type", "button");
        i.putObject("body").put("text", TextFit.fit(nonEmpty(b.body()), BUTTONS_BODY));
        ArrayNode buttons = i.putObject("action").putArray("buttons");
        List<String> titles = distinct(b.buttons().stream().map(Choice::title).toList(), BUTTON_TITLE);
        for (int k = 0; k < b.buttons().size(); k++) {
            buttons.addObject().put("type", "reply").putObject("reply")
                    .put("id", TextFit.fit(b.buttons().get(k).id(), BUTTON_ID)).put("title", titles.get(k));
        }
        return n;
    }

    private static ObjectNode list(String to, Reply.Menu m) {
        ObjectNode n = envelope(to, "interactive");
        ObjectNode i = n.putObject("interactive").put("type", "list");
        i.putObject("body").put("text", TextFit.fit(nonEmpty(m.body()), LIST_BODY));
        ObjectNode action = i.putObject("action").put("button", TextFit.fit(nonEmpty(m.buttonLabel()), LIST_BUTTON));
        ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
        List<String> titles = distinct(m.rows().stream().map(Choice::title).toList(), ROW_TITLE);
        for (int k = 0; k < m.rows().size(); k++) {
            Choice c = m.rows().get(k);
            ObjectNode row = rows.addObject().put("id", TextFit.fit(c.id(), ROW_ID)).put("title", titles.get(k));
            if (!c.description().isBlank()) {
                row.put("description", TextFit.fit(c.description(), ROW_DESCRIPTION));
            }
        }
        return n;
    }

    private static ObjectNode template(String to, Reply.Template t) {
        ObjectNode n = envelope(to, "template");
        ObjectNode tpl = n.putObject("template").put("name", t.name());
        tpl.putObject("language").put("code", t.language());
        if (!t.params().isEmpty()) {
            ArrayNode params = tpl.putArray("components").addObject().put("type", "body").putArray("parameters");
            for (int k = 0; k < t.params().size(); k++) {
                // template parameters may not contain new lines, tabs or more than 4 spaces in a row
                String flat = t.params().get(k).replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {4,}", "   ");
                ObjectNode param = params.addObject().put("type", "text");
                if (!t.paramNames().isEmpty()) {
                    param.put("parameter_name", t.paramNames().get(k)); // parameter_format NAMED
                }
                param.put("text", TextFit.fit(nonEmpty(flat), TEMPLATE_PARAM));
            }
        }
        return n;
    }

    /** Fits titles to {@code max} and makes them distinct ("Gift", "Gift 2"): WhatsApp refuses duplicates. */
    static List<String> distinct(List<String> titles, int max) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String t : titles) {
            String fitted = TextFit.fit(nonEmpty(t), max);
            String candidate = fitted;
            for (int k = 2; !seen.add(candidate); k++) {
                String suffix = " " + k;
                candidate = TextFit.fit(fitted, max - suffix.length()) + suffix;
            }
            out.add(candidate);
        }
        return out;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
