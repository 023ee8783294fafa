package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingsSchema;
import io.loyaltyhub.host.config.Durations;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks settings against a plugin's schema: types first, then the setting's own validator. */
public final class SettingsValidation {
    private SettingsValidation() {
    }

    /** Stored values completed with defaults, in schema order. Keys without value or default are absent. */
    public static Map<String, String> effective(SettingsSchema schema, Map<String, String> stored) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingDefinition d : schema.settings()) {
            String v = stored.get(d.key());
            if (v == null || v.isBlank()) {
                v = d.defaultValue();
            }
            if (v != null) {
                out.put(d.key(), v.trim());
            }
        }
        return out;
    }

    /** Setting key to the reason its value is refused; empty when all are acceptable. */
    public static Map<String, String> errors(SettingsSchema schema, Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : values.keySet()) {
            if (schema.find(key).isEmpty()) {
                errors.put(key, "unknown setting");
            }
        }
        Map<String, String> effective = effective(schema, values);
        for (SettingDefinition d : schema.settings()) {
            String v = effective.get(d.key());
            if (v == null || v.isEmpty()) {
                if (d.required()) {
                    errors.put(d.key(), "is required");
                }
                continue;
            }
            Optional<String> problem = typeProblem(d, v);
            if (problem.isEmpty()) {
                try {
                    problem = d.validator().check(v);
                } catch (RuntimeException e) {
                    problem = Optional.of("is not acceptable (" + e.getMessage() + ")");
                }
            }
            problem.ifPresent(p -> errors.put(d.key(), p));
        }
        return errors;
    }

    static Optional<String> typeProblem(SettingDefinition d, String v) {
        if (v.length() > 4000) {
            return Optional.of("must be at most 4000 characters");
        }
        switch (d.type()) {
            case INTEGER -> {
                try {
                    Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return Optional.of("must be a whole number");
                }
            }
            case DECIMAL -> {
                try {
                    new BigDecimal(v);
                } catch (NumberFormatException e) {
                    return Optional.of("must be a decimal number such as 12.50");
                }
            }
            case BOOLEAN -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    return Optional.of("must be true or false");
                }
            }
            case CHOICE -> {
                if (!d.choices().contains(v)) {
                    return Optional.of("must be one of " + String.join(", ", d.choices()));
                }
            }
            case DURATION -> {
                try {
                    Durations.parse(v);
                } catch (RuntimeException e) {
                    return Optional.of("must be a duration such as 15m, 12h, 30d or PT15M");
                }
            }
            case URL -> {
                try {
                    URI u = new URI(v);
                    if (u.getHost() == null || !(v.startsWith("http://") || v.startsWith("https://"))) {
                        return Optional.of("must be an http(s) URL");
                    }
                } catch (Exception e) {
                    return Optional.of("must be an http(s) URL");
                }
            }
            case STRING, SECRET -> {
                // any text up to the length checked above
            }
        }
        return Optional.empty();
    }
}
