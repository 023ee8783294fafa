package io.loyaltyhub.plugins.notifications;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template body with {@code {{variable}}} placeholders: which it uses, which are unknown, and the text with values
 * filled in. A placeholder is letters and digits, spaces inside the braces allowed ({@code {{ name }}}).
 */
public final class TemplateText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    /** A stray brace pair that is not a valid placeholder, e.g. {{1}} or {{first name}}. */
    private static final Pattern BROKEN = Pattern.compile("\\{\\{[^}]*}}");

    private TemplateText() {
    }

    /** The variables {@code body} uses, in order of first use. */
    public static List<String> variables(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    /** What is wrong with the placeholders of {@code body} for {@code trigger}: unknown names, broken braces. */
    public static List<String> problems(String body, Trigger trigger) {
        List<String> problems = new ArrayList<>();
        for (String v : variables(body)) {
            if (!trigger.variables().contains(v)) {
                problems.add("unknown variable {{" + v + "}}; " + trigger.id + " has " + known(trigger));
            }
        }
        Matcher broken = BROKEN.matcher(PLACEHOLDER.matcher(body).replaceAll(""));
        while (broken.find()) {
            problems.add("'" + broken.group() + "' is not a variable; " + trigger.id + " has " + known(trigger));
        }
        return problems;
    }

    /** The text with each placeholder replaced by its value (a missing value becomes empty, never the placeholder). */
    public static String render(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String known(Trigger trigger) {
        return String.join(", ", trigger.variables().stream().map(v -> "{{" + v + "}}").toList());
    }
}
