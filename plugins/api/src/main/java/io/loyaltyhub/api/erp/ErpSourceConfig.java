package io.loyaltyhub.api.erp;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an instance's source is opened with.
 *
 * @param connectorId the instance's id (for logs and file names)
 * @param settings    validated against the type's {@link ErpConnector#settings()}; secrets are names of environment
 *                    variables, read by the source
 * @param mapping     the instance's mapping (a file source needs the bill number column to group lines)
 * @param env         the process environment, given so tests can set it
 */
public record ErpSourceConfig(long connectorId, Map<String, String> settings, Mapping mapping,
                              Map<String, String> env) {
    public ErpSourceConfig {
        settings = Map.copyOf(settings);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public String setting(String key) {
        return settings.get(key);
    }

    /** A setting that names a path. */
    public Path path(String key) {
        return Path.of(settings.get(key));
    }
}
