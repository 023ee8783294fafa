package io.loyaltyhub.api.erp;

import io.loyaltyhub.api.plugin.SettingsSchema;

/** A connector type as the UI lists it. */
public record ConnectorType(String type, String title, String pluginId, SettingsSchema settings,
                            MappingSchema mapping) {
}
