package io.loyaltyhub.host.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.WebEndpoint;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.SettingsRejectedException;
import io.loyaltyhub.host.HostJson;
import io.loyaltyhub.host.db.SqlErrors;
import io.loyaltyhub.host.security.Authenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Mounts every {@link ApiEndpoint} (the host's and the plugins') under {@code /api/v1/<area>},
 * and applies the same rules to all: bearer authentication, the route's declared scope, JSON in
 * and out, and problem documents for every error.
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private final Authenticator authenticator;
    private final HostJson json;
    private final Problems problems;
    private final ClientAddress clientAddress;

    public ApiRoutes(Authenticator authenticator, HostJson json, Set<String> trustedProxies) {
        this.authenticator = authenticator;
        this.json = json;
        this.problems = new Problems(json);
        this.clientAddress = new ClientAddress(trustedProxies);
    }

    /** The problem writer these routes use, for routes outside /api/v1 that answer the same way. */
    public Problems problems() {
        return problems;
    }

    /** Registers the routes; an area claimed twice is refused (the later endpoint is skipped). */
    public void register(HttpRouting.Builder routing, List<ApiEndpoint> endpoints) {
        Set<String> areas = new HashSet<>();
        for (ApiEndpoint endpoint : endpoints) {
            String area = endpoint.area();
            if (!area.matches("[a-z][a-z0-9-]*") || !areas.add(area)) {
                LOG.error("API area '{}' of {} is invalid or taken; its routes are not mounted", area,
                        endpoint.getClass().getName());
                continue;
            }
            for (ApiRoute route : endpoint.routes()) {
                String path = fullPath(area, route);
                Method method = Method.create(route.method().name());
                routing.route(method, path, (req, res) -> handle(route, req, res));
                if (route.path().equals("/")) { // accept /api/v1/stores and /api/v1/stores/
                    routing.route(method, path + "/", (req, res) -> handle(route, req, res));
                }
            }
        }
        routing.any(BASE + "/*", (req, res) -> problems.send(res, 404, "no-such-route", "Not found",
                "No API route " + req.prologue().method().text() + " " + req.path().path(), req.path().path(), Map.of()));
    }

    private static final java.util.List<String> RESERVED = java.util.List.of("/api", "/webhooks", "/health", "/metrics",
            "/openapi", "/observe");

    /**
     * Mounts public routes outside {@code /api/v1} (e.g. {@code /r/{code}}). A route that is not
     * public, or whose path the server itself uses, is refused and not mounted.
     */
    public void registerWeb(HttpRouting.Builder routing, List<WebEndpoint> endpoints) {
        for (WebEndpoint endpoint : endpoints) {
            for (ApiRoute route : endpoint.routes()) {
                String path = route.path();
                boolean reserved = RESERVED.stream().anyMatch(r -> path.equals(r) || path.startsWith(r + "/"));
                if (!route.scope().equals(ApiRoute.PUBLIC) || !path.startsWith("/") || reserved || path.equals("/")) {
                    LOG.error("Web route {} {} of {} must be public and outside the server's own paths; not mounted",
                            route.method(), path, endpoint.getClass().getName());
                    continue;
                }
                routing.route(Method.create(route.method().name()), path, (req, res) -> handle(route, req, res));
            }
        }
    }

    static String fullPath(String area, ApiRoute route) {
        return BASE + "/" + area + (route.path().equals("/") ? "" : route.path());
    }

    private void handle(ApiRoute route, ServerRequest req, ServerResponse res) {
        String instance = req.path().path();
        try {
            Actor actor = null;
            if (!route.scope().equals(ApiRoute.PUBLIC)) {
                Optional<Actor> authenticated = authenticator.authenticate(
                        req.headers().first(HeaderNames.AUTHORIZATION));
                if (authenticated.isEmpty()) {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                    problems.send(res, 401, "unauthenticated", "Unauthorized",
                            "Send a valid API key or staff token as 'Authorization: Bearer <token>'.", instance, Map.of());
                    return;
                }
                actor = authenticated.get();
                if (!actor.may(route.scope())) {
                    problems.send(res, 403, "insufficient-scope", "Forbidden",
                            actor.label() + " may not do this: it needs scope " + route.scope() + ".", instance, Map.of());
                    return;
                }
            }
            ApiResponse answer = route.handler().handle(new HelidonApiRequest(req, actor, json, clientAddress));
            write(res, answer);
        } catch (ApiProblem p) {
            problems.send(res, p, instance);
        } catch (Rejected r) { // every plugin's refusal, answered the same way
            problems.send(res, status(r.kind()), r.code(), title(r.kind()), r.getMessage(), instance, r.fieldErrors());
        } catch (SettingsRejectedException e) {
            problems.send(res, 422, "invalid-settings", "Invalid settings",
                    "Some settings were refused; nothing was saved.", instance, e.errors());
        } catch (Exception e) {
            if (SqlErrors.isDuplicateKey(e)) { // a unique value taken by a concurrent request
                problems.send(res, 409, "conflict", "Conflict",
                        "The request conflicts with existing data (a value that must be unique is taken).", instance, Map.of());
                return;
            }
            if (SqlErrors.isDataTooLong(e)) {
                problems.send(res, 422, "value-too-long", "Validation failed", "A value is longer than allowed.",
                        instance, Map.of());
                return;
            }
            String errorId = UUID.randomUUID().toString();
            LOG.error("Unexpected error {} on {} {}", errorId, route.method(), instance, e);
            problems.send(res, 500, "internal-error", "Internal server error",
                    "Something went wrong on our side (error id " + errorId + ").", instance, Map.of());
        }
    }

    static int status(Rejected.Kind kind) {
        return switch (kind) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
    }

    private static String title(Rejected.Kind kind) {
        return switch (kind) {
            case INVALID -> "Validation failed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case FORBIDDEN -> "Forbidden";
        };
    }

    private void write(ServerResponse res, ApiResponse answer) {
        res.status(Status.create(answer.status()));
        answer.headers().forEach((k, v) -> res.header(HeaderNames.create(k), v));
        if (answer.body() == null) {
            res.send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json.write(answer.body()).getBytes(StandardCharsets.UTF_8));
    }
}
