package io.loyaltyhub.api.platform;

import java.util.Map;

/** Settings that do not fit the plugin's schema; nothing was saved. */
public class SettingsRejectedException extends RuntimeException {
    private final Map<String, String> errors;

    public SettingsRejectedException(Map<String, String> errors) {
        super("Invalid settings: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Setting key to the reason it was refused. */
    public Map<String, String> errors() {
        return errors;
    }
}
