package io.loyaltyhub.api.plugin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * A plugin's settings after validation against its {@link SettingsSchema}: every key of the
 * schema has a value (the stored one or the default), already checked for its type.
 */
public interface PluginSettings {
    String string(String key);

    long number(String key);

    BigDecimal decimal(String key);

    boolean flag(String key);

    Duration duration(String key);

    /** All values as text, keyed by setting key. */
    Map<String, String> asMap();
}
