package io.loyaltyhub.api.platform;

import io.loyaltyhub.api.plugin.SettingsSchema;

import java.util.Map;

/**
 * A plugin as admins see it.
 *
 * @param settings current values as text (secrets masked)
 */
public record PluginInfo(String id, String version, String description, PluginState state, String error,
                         SettingsSchema schema, Map<String, String> settings) {
}
