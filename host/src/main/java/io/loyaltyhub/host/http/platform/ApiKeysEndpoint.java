package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.host.security.ApiKeys;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/apikeys}: keys for integrations; the key itself is shown only in the create answer. */
public final class ApiKeysEndpoint implements ApiEndpoint {
    public record NewKey(String name, Set<String> scopes) {
    }

    private final ApiKeys keys;

    public ApiKeysEndpoint(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public String area() {
        return "apikeys";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "apikeys:read", "List API keys (never the keys themselves)",
                        ApiKeys.ApiKeyInfo[].class, r -> ApiResponse.ok(keys.list())),
                ApiRoute.post("/", "apikeys:write", "Create an API key with scopes", NewKey.class,
                        ApiKeys.CreatedKey.class, this::create).created(),
                ApiRoute.delete("/{id}", "apikeys:write", "Revoke an API key", this::revoke));
    }

    private ApiResponse create(ApiRequest r) {
        NewKey n = r.body(NewKey.class);
        try {
            ApiKeys.CreatedKey created = keys.create(r.actor(), n.name(), n.scopes());
            return ApiResponse.created("/api/v1/apikeys/" + created.info().id(), created);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains(":") ? e.getMessage().substring(0, e.getMessage().indexOf(':')) : "key";
            throw ApiProblem.invalid(e.getMessage(), Map.of(field, e.getMessage()));
        }
    }

    private ApiResponse revoke(ApiRequest r) {
        long id = r.idParam("id");
        if (keys.find(id).isEmpty()) {
            throw ApiProblem.notFound("No API key " + id);
        }
        keys.revoke(r.actor(), id);
        return ApiResponse.noContent();
    }
}
