package io.loyaltyhub.api.plugin;

import java.util.List;
import java.util.Objects;

/**
 * One setting of a plugin: the admin UI renders a form field from it and the host validates
 * values against it, on start and on every change.
 *
 * @param key          stable key, e.g. {@code default-time-zone}
 * @param label        short label for forms
 * @param type         how the value is read
 * @param defaultValue used when nothing is stored; null means "required, no default"
 * @param choices      allowed values for {@link SettingType#CHOICE}, else empty
 * @param help         one sentence shown under the field
 * @param validator    extra check after the type check
 */
public record SettingDefinition(String key, String label, SettingType type, String defaultValue,
                                List<String> choices, String help, SettingValidator validator) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        label = label == null ? key : label;
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
        validator = validator == null ? SettingValidator.NONE : validator;
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("setting " + key + " is a CHOICE without choices");
        }
    }

    public static SettingDefinition of(String key, SettingType type, String defaultValue, String help) {
        return new SettingDefinition(key, null, type, defaultValue, List.of(), help, null);
    }

    /** A setting whose value is one of {@code choices}. */
    public static SettingDefinition choice(String key, String defaultValue, String help, String... choices) {
        return new SettingDefinition(key, null, SettingType.CHOICE, defaultValue, List.of(choices), help, null);
    }

    public boolean required() {
        return defaultValue == null;
    }

    public SettingDefinition label(String newLabel) {
        return new SettingDefinition(key, newLabel, type, defaultValue, choices, help, validator);
    }

    public SettingDefinition choices(String... allowed) {
        return new SettingDefinition(key, label, type, defaultValue, List.of(allowed), help, validator);
    }

    public SettingDefinition validatedBy(SettingValidator check) {
        return new SettingDefinition(key, label, type, defaultValue, choices, help, check);
    }
}
