package io.loyaltyhub.plugins.erpjdbc;

import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Plugin;

/**
 * Entry point named in the manifest. The plugin has no state of its own: the host keeps each connector instance's
 * settings, mapping and cursor and opens a {@link JdbcSource} through the {@link JdbcConnector} extension.
 */
public class ErpJdbcPlugin extends Plugin {
    private final PluginContext context;

    public ErpJdbcPlugin(PluginContext context) {
        this.context = context;
    }

    PluginContext context() {
        return context;
    }
}
