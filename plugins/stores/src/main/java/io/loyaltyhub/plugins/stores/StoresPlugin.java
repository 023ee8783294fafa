package io.loyaltyhub.plugins.stores;

import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginRoot;
import org.pf4j.Plugin;

/**
 * Entry point named in the manifest, and the plugin's composition root: it builds {@link Stores} once; the
 * extensions (REST, directory, admin screen) get it through their constructors.
 */
public class StoresPlugin extends Plugin implements PluginRoot<Stores> {
    private final PluginContext context;
    private final Stores stores;

    public StoresPlugin(PluginContext context) {
        this.context = context;
        this.stores = new Stores(context);
    }

    @Override
    public Stores root() {
        return stores;
    }

    @Override
    public void start() {
        // Fail early and clearly rather than on the first request.
        StoreSettings.defaultZone(context.settings());
    }
}
