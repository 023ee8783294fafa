package io.loyaltyhub.plugins.erpcsv;

import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Plugin;

/**
 * Entry point named in the manifest. The plugin has no state of its own: it contributes the {@code csv} connector
 * type ({@link CsvConnector}); the host keeps the instances, their settings, mappings and cursors.
 */
public class ErpCsvPlugin extends Plugin {
    private final PluginContext context;

    public ErpCsvPlugin(PluginContext context) {
        this.context = context;
    }

    PluginContext context() {
        return context;
    }
}
