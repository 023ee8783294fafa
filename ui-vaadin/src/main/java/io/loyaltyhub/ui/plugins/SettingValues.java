package io.loyaltyhub.ui.plugins;

import java.util.LinkedHashMap;
import java.util.Map;

/** The bean the settings form's Binder reads and writes: setting key to its value as text. */
public final class SettingValues {

    private final Map<String, String> values = new LinkedHashMap<>();

    public SettingValues() {
    }

    public SettingValues(Map<String, String> values) {
        if (values != null) {
            this.values.putAll(values);
        }
    }

    /** The value, or null when none is set. */
    public String get(String key) {
        return values.get(key);
    }

    public void put(String key, String value) {
        values.put(key, value);
    }

    /** A copy, in form order. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(values);
    }
}
