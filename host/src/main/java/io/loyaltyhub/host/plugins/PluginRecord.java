package io.loyaltyhub.host.plugins;

import io.loyaltyhub.api.plugin.PluginDeclaration;
import io.loyaltyhub.api.plugin.SettingsSchema;
import io.loyaltyhub.api.platform.PluginState;
import org.pf4j.PluginWrapper;

import java.nio.file.Path;

/** What the host knows of one plugin jar, whether it started or not. */
final class PluginRecord {
    final Path jar;
    String id;
    String version = "";
    String description = "";
    PluginWrapper wrapper;
    PluginDeclaration declaration;
    SettingsSchema schema = SettingsSchema.EMPTY;
    HostPluginContext context;
    volatile PluginState state = PluginState.FAILED;
    volatile String error;

    PluginRecord(Path jar) {
        this.jar = jar;
        this.id = jar.getFileName().toString();
    }

    void fail(String stage, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        fail(stage + ": " + message);
    }

    void fail(String message) {
        state = PluginState.FAILED;
        error = message;
    }

    boolean started() {
        return state == PluginState.STARTED;
    }

    ClassLoader classLoader() {
        return wrapper.getPluginClassLoader();
    }
}
