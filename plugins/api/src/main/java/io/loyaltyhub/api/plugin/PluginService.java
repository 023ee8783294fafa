package io.loyaltyhub.api.plugin;

import org.pf4j.ExtensionPoint;

/**
 * A service one plugin offers the others and the admin UI, e.g. {@code LoyaltyService}: declare
 * the interface in {@code plugins/api} extending this one, implement it as an {@code @Extension}.
 * Others find it with {@link PluginContext#service(Class)} at call time (not in constructors:
 * services are registered once every plugin has started).
 */
public interface PluginService extends ExtensionPoint {
}
