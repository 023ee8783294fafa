package io.loyaltyhub.api.http;

import java.util.Objects;

/**
 * One REST route.
 *
 * @param method       HTTP method
 * @param path         relative to {@code /api/v1/<area>}, e.g. {@code /} or {@code /{id}}
 * @param scope        the scope a caller needs, e.g. {@code stores:read}; see {@code Role} for staff
 * @param summary      one line for the OpenAPI document
 * @param requestType  body type for the OpenAPI document, or null
 * @param responseType answer type for the OpenAPI document, or null
 */
public record ApiRoute(HttpMethod method, String path, String scope, String summary,
                       Class<?> requestType, Class<?> responseType, ApiHandler handler) {

    /** The scope of the few routes anyone may call, such as logging in. Declared, like every other. */
    public static final String PUBLIC = "public:access";

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (scope == null || !scope.matches("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("every route declares a scope like area:action, got " + scope);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    public static ApiRoute get(String path, String scope, String summary, Class<?> responseType, ApiHandler handler) {
        return new ApiRoute(HttpMethod.GET, path, scope, summary, null, responseType, handler);
    }

    public static ApiRoute post(String path, String scope, String summary, Class<?> requestType,
                                Class<?> responseType, ApiHandler handler) {
        return new ApiRoute(HttpMethod.POST, path, scope, summary, requestType, responseType, handler);
    }

    public static ApiRoute put(String path, String scope, String summary, Class<?> requestType,
                               Class<?> responseType, ApiHandler handler) {
        return new ApiRoute(HttpMethod.PUT, path, scope, summary, requestType, responseType, handler);
    }

    public static ApiRoute delete(String path, String scope, String summary, ApiHandler handler) {
        return new ApiRoute(HttpMethod.DELETE, path, scope, summary, null, null, handler);
    }
}
