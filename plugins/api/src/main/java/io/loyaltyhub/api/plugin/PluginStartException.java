package io.loyaltyhub.api.plugin;

/** Thrown by a plugin that cannot start; the host marks it failed with this message. */
public class PluginStartException extends RuntimeException {
    public PluginStartException(String message) {
        super(message);
    }

    public PluginStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
