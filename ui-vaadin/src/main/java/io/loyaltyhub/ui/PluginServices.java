package io.loyaltyhub.ui;

import java.util.Optional;

/**
 * The services started plugins offer (e.g. {@code LoyaltyService}), looked up each time a view is
 * created: a plugin may be stopped or fail while the UI runs. The host passes its registry's
 * {@code find}.
 */
@FunctionalInterface
public interface PluginServices {

    /** The service of that type if a started plugin offers it. */
    <T> Optional<T> find(Class<T> type);

    /** No plugin services at all. */
    static PluginServices none() {
        return NoPluginServices.INSTANCE;
    }
}

/** {@link PluginServices#none()}: a generic method cannot be a lambda. */
enum NoPluginServices implements PluginServices {
    INSTANCE;

    @Override
    public <T> Optional<T> find(Class<T> type) {
        return Optional.empty();
    }
}
