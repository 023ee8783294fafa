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
 * @param successes    the success statuses it answers, the usual one first (default 200; 204 for DELETE)
 * @param bodyRequired whether a request with {@code requestType} must carry a body
 * @param query        the query parameters it reads
 */
public record ApiRoute(HttpMethod method, String path, String scope, String summary,
                       Class<?> requestType, Class<?> responseType, ApiHandler handler,
                       java.util.List<Integer> successes, boolean bodyRequired, java.util.List<QueryParam> query) {

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
        successes = successes == null || successes.isEmpty()
                ? java.util.List.of(method == HttpMethod.DELETE ? 204 : 200) : java.util.List.copyOf(successes);
        query = query == null ? java.util.List.of() : java.util.List.copyOf(query);
    }

    /** A route answering 200 (204 for DELETE), with a required body when it has a request type. */
    public ApiRoute(HttpMethod method, String path, String scope, String summary, Class<?> requestType,
                    Class<?> responseType, ApiHandler handler) {
        this(method, path, scope, summary, requestType, responseType, handler, null, true, null);
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

    /** The success statuses the handler answers with, first the usual one (e.g. 201, or 200 and 201). */
    public ApiRoute answers(int... statuses) {
        return new ApiRoute(method, path, scope, summary, requestType, responseType, handler,
                java.util.Arrays.stream(statuses).boxed().toList(), bodyRequired, query);
    }

    /** Answers 201 Created. */
    public ApiRoute created() {
        return answers(201);
    }

    /** The body may be left out (e.g. a reversal without a reason). */
    public ApiRoute optionalBody() {
        return new ApiRoute(method, path, scope, summary, requestType, responseType, handler, successes, false, query);
    }

    /** The query parameters the handler reads. */
    public ApiRoute query(QueryParam... params) {
        return new ApiRoute(method, path, scope, summary, requestType, responseType, handler, successes, bodyRequired,
                java.util.List.of(params));
    }
}
