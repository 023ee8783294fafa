package io.loyaltyhub.api.erp;

import java.util.Map;

/**
 * A connector instance as staff fill it in.
 *
 * @param settings the type's settings (secrets are names of environment variables, never the secret)
 * @param mapping  null: the type's defaults
 */
public record ConnectorDraft(String name, String type, Map<String, String> settings, Mapping mapping) {
    public ConnectorDraft {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
