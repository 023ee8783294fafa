package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.api.platform.SettingsRejectedException;
import io.loyaltyhub.host.db.TransactionRunner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Plugin state and settings for admins: validated against the schema, stored, audited. */
public final class PluginAdminService implements PluginAdmin {
    /** What a secret's value looks like to admins; sent back unchanged, it keeps the stored value. */
    public static final String MASK = "********";

    private final PluginHost host;
    private final PluginSettingsStore store;
    private final TransactionRunner tx;

    public PluginAdminService(PluginHost host, PluginSettingsStore store, TransactionRunner tx) {
        this.host = host;
        this.store = store;
        this.tx = tx;
    }

    @Override
    public List<PluginInfo> list() {
        return host.records().stream().map(this::info).toList();
    }

    @Override
    public Optional<PluginInfo> find(String pluginId) {
        return Optional.ofNullable(host.record(pluginId)).map(this::info);
    }

    @Override
    public PluginInfo updateSettings(Actor actor, String pluginId, Map<String, String> values) {
        PluginRecord r = host.record(pluginId);
        if (r == null || r.context == null) {
            throw new NoSuchElementException("No configurable plugin " + pluginId);
        }
        tx.inHostTransaction(t -> {
            Map<String, String> before = store.lockForUpdate(t, pluginId);
            Map<String, String> changes = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                Optional<SettingDefinition> d = r.schema.find(k);
                boolean keptSecret = d.isPresent() && d.get().type() == SettingType.SECRET && MASK.equals(v);
                if (!keptSecret) {
                    changes.put(k, v == null ? "" : v.trim());
                }
            });
            Map<String, String> merged = new LinkedHashMap<>(before);
            merged.keySet().retainAll(r.schema.settings().stream().map(SettingDefinition::key).toList());
            merged.putAll(changes);
            merged.values().removeIf(String::isEmpty); // empty means "back to the default"
            Map<String, String> errors = SettingsValidation.errors(r.schema, merged);
            if (!errors.isEmpty()) {
                throw new SettingsRejectedException(errors);
            }
            store.save(t, pluginId, changes);
            t.audit(actor, "plugin.settings", "plugin", pluginId, masked(r, before), masked(r, merged));
            return null;
        });
        store.invalidate(pluginId);
        return info(r);
    }

    private PluginInfo info(PluginRecord r) {
        Map<String, String> shown = r.context == null ? Map.of()
                : masked(r, SettingsValidation.effective(r.schema, store.stored(r.id)));
        return new PluginInfo(r.id, r.version, r.description, r.state, r.error, r.schema, shown);
    }

    private static Map<String, String> masked(PluginRecord r, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            boolean secret = r.schema.find(k).map(d -> d.type() == SettingType.SECRET).orElse(false);
            out.put(k, secret && !v.isEmpty() ? MASK : v);
        });
        return out;
    }
}
