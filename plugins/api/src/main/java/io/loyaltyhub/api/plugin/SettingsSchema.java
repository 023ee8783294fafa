package io.loyaltyhub.api.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings a plugin declares, in the order a form shows them. */
public record SettingsSchema(List<SettingDefinition> settings) {

    public static final SettingsSchema EMPTY = new SettingsSchema(List.of());

    public SettingsSchema {
        settings = List.copyOf(settings);
        Map<String, SettingDefinition> seen = new LinkedHashMap<>();
        for (SettingDefinition d : settings) {
            if (seen.put(d.key(), d) != null) {
                throw new IllegalArgumentException("duplicate setting key " + d.key());
            }
        }
    }

    public static SettingsSchema of(SettingDefinition... settings) {
        return new SettingsSchema(List.of(settings));
    }

    public Optional<SettingDefinition> find(String key) {
        return settings.stream().filter(d -> d.key().equals(key)).findFirst();
    }
}
