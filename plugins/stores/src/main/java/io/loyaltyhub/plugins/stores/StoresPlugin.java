package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Plugin;

/** Entry point named in the manifest; the work is done by the extensions in this package. */
public class StoresPlugin extends Plugin {
    private final PluginContext context;

    public StoresPlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        // Fail early and clearly rather than on the first request.
        StoreSettings.defaultZone(context.settings());
    }
}
