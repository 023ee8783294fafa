package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.host.config.Durations;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;

/** Settings that passed {@link SettingsValidation}, so the typed reads cannot fail on format. */
record ValidatedSettings(Map<String, String> values) implements PluginSettings {

    ValidatedSettings {
        values = Map.copyOf(values);
    }

    @Override
    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new NoSuchElementException("No setting " + key);
        }
        return v;
    }

    @Override
    public long number(String key) {
        return Long.parseLong(string(key));
    }

    @Override
    public BigDecimal decimal(String key) {
        return new BigDecimal(string(key));
    }

    @Override
    public boolean flag(String key) {
        return Boolean.parseBoolean(string(key));
    }

    @Override
    public Duration duration(String key) {
        return Durations.parse(string(key));
    }

    @Override
    public Map<String, String> asMap() {
        return values;
    }
}
