package io.loyaltyhub.bots.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.chat.Choice;
import io.loyaltyhub.api.chat.Reply;

import java.util.ArrayList;
import java.util.List;

/** Channel-neutral replies as JSON, for the outbound queue (rendered per channel when sent). */
public final class ReplyCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyCodec() {
    }

    public static String write(Reply reply) {
        ObjectNode n = JSON.createObjectNode();
        switch (reply) {
            case Reply.Text t -> n.put("type", "text").put("body", t.body());
            case Reply.PhoneRequest r -> n.put("type", "phone-request").put("body", r.body());
            case Reply.Buttons b -> {
                n.put("type", "buttons").put("body", b.body());
                n.set("choices", choices(b.buttons()));
            }
            case Reply.Menu m -> {
                n.put("type", "menu").put("body", m.body()).put("button", m.buttonLabel());
                n.set("choices", choices(m.rows()));
            }
            case Reply.Template t -> {
                n.put("type", "template").put("name", t.name()).put("language", t.language())
                        .put("fallbackText", t.fallbackText());
                ArrayNode p = n.putArray("params");
                t.params().forEach(p::add);
                if (!t.paramNames().isEmpty()) {
                    ArrayNode names = n.putArray("paramNames");
                    t.paramNames().forEach(names::add);
                }
            }
        }
        return n.toString();
    }

    public static Reply read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return switch (n.path("type").asText()) {
                case "text" -> new Reply.Text(n.path("body").asText());
                case "phone-request" -> new Reply.PhoneRequest(n.path("body").asText());
                case "buttons" -> new Reply.Buttons(n.path("body").asText(), choices(n.path("choices")));
                case "menu" -> new Reply.Menu(n.path("body").asText(), n.path("button").asText(),
                        choices(n.path("choices")));
                case "template" -> {
                    List<String> params = new ArrayList<>();
                    n.path("params").forEach(p -> params.add(p.asText()));
                    List<String> names = new ArrayList<>();
                    n.path("paramNames").forEach(p -> names.add(p.asText()));
                    yield new Reply.Template(n.path("name").asText(), n.path("language").asText(), params,
                            n.path("fallbackText").asText(), names);
                }
                default -> throw new IllegalArgumentException("unknown reply type in " + json);
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable reply: " + e.getOriginalMessage(), e);
        }
    }

    /** What the message log shows. */
    public static String summary(Reply reply) {
        String s = switch (reply) {
            case Reply.Text t -> t.body();
            case Reply.PhoneRequest r -> r.body() + " [Share phone number]";
            case Reply.Buttons b -> b.body() + " "
                    + String.join(" ", b.buttons().stream().map(c -> "[" + c.title() + "]").toList());
            case Reply.Menu m -> m.body() + " [" + m.buttonLabel() + ": "
                    + String.join(" | ", m.rows().stream().map(Choice::title).toList()) + "]";
            case Reply.Template t -> "[template " + t.name() + "/" + t.language() + "] " + String.join(", ", t.params());
        };
        return s.length() > 1000 ? TextFit.fit(s, 1000) : s;
    }

    private static ArrayNode choices(List<Choice> choices) {
        ArrayNode a = JSON.createArrayNode();
        for (Choice c : choices) {
            a.addObject().put("id", c.id()).put("title", c.title()).put("description", c.description());
        }
        return a;
    }

    private static List<Choice> choices(JsonNode a) {
        List<Choice> out = new ArrayList<>();
        a.forEach(c -> out.add(new Choice(c.path("id").asText(), c.path("title").asText(),
                c.path("description").asText())));
        return out;
    }
}
