package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.common.PhoneNumbers;
import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginStartException;
import org.pf4j.Plugin;

/** Entry point named in the manifest; the work is done by the extensions in this package. */
public class LoyaltyPlugin extends Plugin {
    private final PluginContext context;

    public LoyaltyPlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        if (context.service(PhoneNumbers.class).isEmpty()) {
            throw new PluginStartException("the host offers no PhoneNumbers service");
        }
        LoyaltyConfig.from(context.settings()); // fail now, not on the first bill
    }
}
