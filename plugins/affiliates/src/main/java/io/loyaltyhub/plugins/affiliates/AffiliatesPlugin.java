package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginStartException;
import org.pf4j.Plugin;

/** Entry point named in the manifest; the work is done by the extensions in this package. */
public class AffiliatesPlugin extends Plugin {
    private final PluginContext context;

    public AffiliatesPlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        if (context.service(PhoneNumbers.class).isEmpty()) {
            throw new PluginStartException("the host offers no PhoneNumbers service");
        }
        AffiliatesConfig.from(context.settings()); // fail now, not on the first click
    }
}
