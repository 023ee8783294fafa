package io.loyaltyhub.api.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plugin state and settings, for the admin UI and the REST API. */
public interface PluginAdmin {
    List<PluginInfo> list();

    Optional<PluginInfo> find(String pluginId);

    /**
     * Validates and stores settings (keys not given keep their value). A started plugin sees the
     * new values on its next {@code settings()} call.
     *
     * @throws SettingsRejectedException with the reason per key; nothing is stored then
     * @throws java.util.NoSuchElementException for an unknown plugin
     */
    PluginInfo updateSettings(Actor actor, String pluginId, Map<String, String> values);
}
