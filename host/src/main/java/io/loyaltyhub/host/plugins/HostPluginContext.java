package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.data.Transactions;
import io.loyaltyhub.api.plugin.JsonCodec;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginSettings;
import io.loyaltyhub.api.plugin.SettingsSchema;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The context one plugin gets. Settings are read through the store, so changes reach the plugin;
 * the validated view is built again only when the stored values changed, and is otherwise the same
 * object, so a plugin may cache what it derives from it by identity (plugins read settings on hot
 * paths such as every redirect).
 */
final class HostPluginContext implements PluginContext {
    private record Snapshot(Map<String, String> stored, PluginSettings settings) {
    }

    private final String pluginId;
    private final SettingsSchema schema;
    private final PluginSettingsStore store;
    private final Transactions transactions;
    private final JsonCodec json;
    private final Clock clock;
    private final ServiceRegistry services;
    private final java.util.function.Function<Class<?>, List<?>> extensions;
    private volatile Snapshot snapshot;

    HostPluginContext(String pluginId, SettingsSchema schema, PluginSettingsStore store, Transactions transactions,
                      JsonCodec json, Clock clock, ServiceRegistry services,
                      java.util.function.Function<Class<?>, List<?>> extensions) {
        this.pluginId = pluginId;
        this.schema = schema;
        this.store = store;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.services = services;
        this.extensions = extensions;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public PluginSettings settings() {
        Map<String, String> stored = store.stored(pluginId);
        Snapshot s = snapshot;
        if (s != null && s.stored() == stored) {
            return s.settings();
        }
        PluginSettings settings = s != null && s.stored().equals(stored) ? s.settings()
                : new ValidatedSettings(SettingsValidation.effective(schema, stored));
        snapshot = new Snapshot(stored, settings);
        return settings;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public JsonCodec json() {
        return json;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return services.find(type);
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return extensions.apply(type).stream().map(type::cast).toList();
    }
}
