package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.plugin.JsonCodec;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.plugin.SettingsSchema;

import java.time.Clock;
import java.util.Optional;

/** The context one plugin gets. Settings are read through the store, so changes reach the plugin. */
record HostPluginContext(String pluginId, SettingsSchema schema, PluginSettingsStore store,
                         Transactions transactions, JsonCodec json, Clock clock,
                         ServiceRegistry services) implements PluginContext {

    @Override
    public PluginSettings settings() {
        return new ValidatedSettings(SettingsValidation.effective(schema, store.stored(pluginId)));
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return services.find(type);
    }
}
