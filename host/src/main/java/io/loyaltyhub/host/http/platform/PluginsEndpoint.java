package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.api.plugin.SettingDefinition;
import io.loyaltyhub.api.plugin.SettingType;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** {@code /api/v1/plugins}: state, errors, settings schema and settings of every plugin. */
public final class PluginsEndpoint implements ApiEndpoint {

    /** A setting's declaration as clients see it (the validator is code, so it is not shown). */
    public record SettingView(String key, String label, SettingType type, String defaultValue, boolean required,
                              List<String> choices, String help) {
        static SettingView of(SettingDefinition d) {
            return new SettingView(d.key(), d.label(), d.type(), d.defaultValue(), d.required(), d.choices(), d.help());
        }
    }

    public record PluginView(String id, String version, String description, String state, String error,
                             List<SettingView> settingsSchema, Map<String, String> settings) {
        static PluginView of(PluginInfo p) {
            return new PluginView(p.id(), p.version(), p.description(), p.state().name(), p.error(),
                    p.schema().settings().stream().map(SettingView::of).toList(), p.settings());
        }
    }

    private final PluginAdmin plugins;

    public PluginsEndpoint(PluginAdmin plugins) {
        this.plugins = plugins;
    }

    @Override
    public String area() {
        return "plugins";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "plugins:read", "List plugins with state, error and settings schema",
                        PluginView[].class, r -> ApiResponse.ok(plugins.list().stream().map(PluginView::of).toList())),
                ApiRoute.get("/{id}", "plugins:read", "Get one plugin", PluginView.class, this::one),
                ApiRoute.put("/{id}/settings", "plugins:write", "Change a plugin's settings (validated)",
                        Map.class, PluginView.class, this::updateSettings));
    }

    private ApiResponse one(ApiRequest r) {
        String id = r.pathParam("id");
        return ApiResponse.ok(PluginView.of(plugins.find(id)
                .orElseThrow(() -> ApiProblem.notFound("No plugin " + id))));
    }

    @SuppressWarnings("unchecked")
    private ApiResponse updateSettings(ApiRequest r) {
        String id = r.pathParam("id");
        Map<String, Object> raw = r.body(Map.class);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (v instanceof Map || v instanceof List) {
                throw ApiProblem.badRequest("invalid-body", "Setting " + k + " must be a string, number or boolean.");
            }
            values.put(k, v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
        });
        try {
            return ApiResponse.ok(PluginView.of(plugins.updateSettings(r.actor(), id, values)));
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound(e.getMessage());
        }
    }
}
