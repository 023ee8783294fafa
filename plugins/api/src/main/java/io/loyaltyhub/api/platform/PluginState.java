package io.loyaltyhub.api.platform;

public enum PluginState {
    /** Loaded and serving. */
    STARTED,
    /** Could not be loaded, migrated, configured or started; see the error. */
    FAILED,
    /** Switched off by configuration. */
    DISABLED
}
