package io.loyaltyhub.host.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WhatsApp templates a retailer creates for the shipped notification templates, as Meta's
 * {@code GET /{waba}/message_templates} lists them once approved: {@code loyalty_<trigger>} per language, NAMED
 * parameters in snake_case, in the order the body first uses them.
 */
public final class ShippedWhatsAppTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VAR = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");
    private static final Path SHIPPED = Path.of("../plugins/notifications/src/main/resources/notifications");

    private ShippedWhatsAppTemplates() {
    }

    /** Every customer trigger's template in en and hi, status APPROVED. */
    public static List<ObjectNode> approved() throws IOException {
        List<ObjectNode> all = new ArrayList<>();
        for (String language : List.of("en", "hi")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(SHIPPED.resolve("templates_" + language + ".properties"),
                    StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String trigger : new java.util.TreeSet<>(p.stringPropertyNames())) {
                if (trigger.startsWith("affiliate-") || trigger.startsWith("commission-") || trigger.startsWith("payout-")) {
                    continue;
                }
                all.add(template("loyalty_" + trigger.replace('-', '_'), language,
                        trigger.equals("reward-in-reach") ? "MARKETING" : "UTILITY", p.getProperty(trigger)));
            }
        }
        return all;
    }

    /** One template as Meta lists it: body text with {{snake_case}} parameters and their examples. */
    static ObjectNode template(String name, String language, String category, String body) {
        Matcher m = VAR.matcher(body);
        StringBuilder text = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            String snake = m.group(1).replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
            names.add(snake);
            m.appendReplacement(text, "{{" + snake + "}}");
        }
        m.appendTail(text);
        ObjectNode t = JSON.createObjectNode().put("name", name).put("parameter_format", "NAMED");
        ObjectNode bodyComponent = t.putArray("components").addObject().put("type", "BODY").put("text", text.toString());
        var examples = bodyComponent.putObject("example").putArray("body_text_named_params");
        names.forEach(n -> examples.addObject().put("param_name", n).put("example", "x"));
        t.put("language", language).put("status", "APPROVED").put("category", category)
                .put("id", String.valueOf(Math.abs((name + language).hashCode())));
        return t;
    }
}
