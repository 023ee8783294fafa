package io.loyaltyhub.host.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltyhub.host.testing.TestServer;
import io.loyaltyhub.host.testing.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.loyaltyhub.host.testing.TestServer.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every route the server mounts (read from its own OpenAPI document, so new routes are covered
 * without touching this test) against every role and against API keys with and without the
 * route's scope.
 */
class AuthIT {
    /** What each role may do, written out by hand from SPEC "People and roles". */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "admin", List.of("plugins:read", "plugins:write", "staff:read", "staff:write", "apikeys:read",
                    "apikeys:write", "audit:read", "events:read", "events:write", "stores:read", "stores:write",
                    "customers:read", "customers:write", "points:read", "points:write", "bills:read", "bills:write",
                    "rewards:read", "rewards:write", "vouchers:read", "vouchers:write", "coupons:read", "coupons:write",
                    "rules:read", "rules:write", "tiers:read", "messages:read", "messages:write", "affiliates:read", "affiliates:write",
                    "notifications:read", "notifications:write", "connectors:read", "connectors:write"),
            "manager", List.of("plugins:read", "audit:read", "events:read", "events:write", "stores:read", "stores:write",
                    "customers:read", "customers:write", "points:read", "points:write", "bills:read", "bills:write",
                    "rewards:read", "rewards:write", "vouchers:read", "vouchers:write", "coupons:read", "coupons:write",
                    "rules:read", "rules:write", "tiers:read", "messages:read", "messages:write", "affiliates:read", "affiliates:write",
                    "notifications:read", "notifications:write", "connectors:read", "connectors:write"),
            "support", List.of("plugins:read", "stores:read", "customers:read", "customers:write", "points:read",
                    "points:write", "bills:read", "rewards:read", "vouchers:read", "vouchers:write", "coupons:read", "rules:read",
                    "tiers:read", "messages:read", "messages:write", "affiliates:read", "notifications:read",
                    "connectors:read"));
    private static final List<String> KNOWN_SCOPES = ALLOWED.get("admin");

    private static TestServer server;
    private static final Map<String, String> tokens = new java.util.HashMap<>();

    record Route(String method, String path, String scope) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", "999999");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start("auth", TestServer.shippedPlugins());
        tokens.put("admin", server.staffToken("admin", TestServer.ADMIN_PASSWORD));
        for (String role : List.of("manager", "support")) {
            Reply created = server.post("/api/v1/staff", API_KEY, "{\"username\":\"" + role + "1\",\"displayName\":\""
                    + role + "\",\"role\":\"" + role.toUpperCase() + "\",\"password\":\"" + role + "-password-123\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            tokens.put(role, server.staffToken(role + "1", role + "-password-123"));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<Route> routes() {
        JsonNode paths = server.get("/openapi", null).json().get("paths");
        List<Route> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fields().forEachRemaining(op -> out.add(new Route(op.getKey().toUpperCase(), p.getKey(),
                    op.getValue().get("x-required-scope").asText())));
        }
        return out;
    }

    private static Reply call(Route r, String token) {
        String body = r.method().equals("POST") || r.method().equals("PUT") ? "{}" : null;
        return server.send(r.method(), r.concretePath(), token, body);
    }

    private static String apiKey(String name, String scope) {
        Reply r = server.post("/api/v1/apikeys", API_KEY, "{\"name\":\"" + name + "\",\"scopes\":[\"" + scope + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("key").asText();
    }

    @Test
    void everyRouteDeclaresAKnownScope() {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(10);
        for (Route r : routes) {
            if (!r.scope().equals("public:access") && !KNOWN_SCOPES.contains(r.scope())) {
                fail("Route " + r + " needs scope " + r.scope() + ": add it to the role matrix of this test");
            }
        }
    }

    @Test
    void withoutOrWithABadTokenEveryProtectedRouteAnswers401() {
        for (Route r : routes()) {
            if (r.scope().equals("public:access")) {
                continue;
            }
            for (String token : new String[]{null, "not-a-real-key", "lhs_forged-staff-token"}) {
                Reply reply = call(r, token);
                assertThat(reply.status()).as("%s with token %s", r, token).isEqualTo(401);
                assertThat(reply.json().get("code").asText()).isEqualTo("unauthenticated");
                assertThat(reply.raw().headers().firstValue("www-authenticate")).contains("Bearer");
            }
        }
    }

    @Test
    void eachRoleGetsExactlyItsRoutes() {
        for (Route r : routes()) {
            if (r.scope().equals("public:access")) {
                continue;
            }
            for (String role : List.of("admin", "manager", "support")) {
                Reply reply = call(r, tokens.get(role));
                boolean allowed = ALLOWED.get(role).contains(r.scope());
                if (allowed) {
                    assertThat(reply.status()).as("%s as %s: %s", r, role, reply.body()).isNotIn(401, 403);
                } else {
                    assertThat(reply.status()).as("%s as %s", r, role).isEqualTo(403);
                    assertThat(reply.json().get("code").asText()).isEqualTo("insufficient-scope");
                }
            }
        }
    }

    @Test
    void apiKeysNeedTheRouteScope() {
        String unrelated = apiKey("unrelated", "reports:read");
        int n = 0;
        for (Route r : routes()) {
            if (r.scope().equals("public:access")) {
                continue;
            }
            String exact = apiKey("exact-" + n, r.scope());
            String area = apiKey("area-" + n++, r.scope().substring(0, r.scope().indexOf(':')) + ":*");
            assertThat(call(r, exact).status()).as("%s with its scope", r).isNotIn(401, 403);
            assertThat(call(r, area).status()).as("%s with its area:*", r).isNotIn(401, 403);
            assertThat(call(r, unrelated).status()).as("%s with another scope", r).isEqualTo(403);
        }
    }

    @Test
    void revokedKeysAndDisabledStaffAreShutOut() {
        Reply created = server.post("/api/v1/apikeys", API_KEY, "{\"name\":\"to-revoke\",\"scopes\":[\"stores:read\"]}");
        String key = created.json().get("key").asText();
        assertThat(server.get("/api/v1/stores", key).status()).isEqualTo(200);
        assertThat(server.send("DELETE", "/api/v1/apikeys/" + created.json().get("info").get("id").asLong(), API_KEY, null)
                .status()).isEqualTo(204);
        assertThat(server.get("/api/v1/stores", key).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/apikeys", API_KEY).body()).doesNotContain(key);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        server.post("/api/v1/staff", API_KEY, "{\"username\":\"victim\",\"role\":\"SUPPORT\",\"password\":\"victim-password-1\"}");
        for (int i = 0; i < 5; i++) {
            Reply r = server.post("/api/v1/auth/token", null, "{\"username\":\"victim\",\"password\":\"guess-" + i + "\"}");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("code").asText()).isEqualTo("invalid-credentials");
        }
        Reply locked = server.post("/api/v1/auth/token", null, "{\"username\":\"victim\",\"password\":\"victim-password-1\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.raw().headers().firstValue("Retry-After")).as("when to try again").hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(locked.json().get("code").asText()).isEqualTo("login-throttled");
    }

    @Test
    void nobodyGrantsMoreThanTheyHave() {
        String keyMaker = apiKey("key-maker", "apikeys:write");
        Reply everything = server.post("/api/v1/apikeys", keyMaker, "{\"name\":\"sneaky\",\"scopes\":[\"*\"]}");
        assertThat(everything.status()).isEqualTo(422);
        assertThat(everything.json().get("errors").get("scopes").asText()).contains("cannot grant '*'");
        String staffMaker = apiKey("staff-maker", "staff:write");
        Reply admin = server.post("/api/v1/staff", staffMaker,
                "{\"username\":\"eve\",\"role\":\"ADMIN\",\"password\":\"eve-password-123\"}");
        assertThat(admin.status()).isEqualTo(422);
        assertThat(admin.json().get("detail").asText()).contains("Only an admin can create admins");
    }

    @Test
    void unknownUsernamesLockLikeRealOnesSoLockoutRevealsNothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(server.post("/api/v1/auth/token", null, "{\"username\":\"nobody-here\",\"password\":\"x" + i
                    + "\"}").status()).isEqualTo(401);
        }
        assertThat(server.post("/api/v1/auth/token", null, "{\"username\":\"nobody-here\",\"password\":\"y\"}")
                .json().get("code").asText()).isEqualTo("login-throttled");
    }

    @Test
    void concurrentDuplicatesAreConflictsNeverServerErrors() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(pool.submit(() -> server.post("/api/v1/stores", API_KEY,
                    "{\"code\":\"RACE-1\",\"name\":\"Race\"}").status()));
        }
        List<Integer> codes = new ArrayList<>();
        for (var f : statuses) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(201, 409).containsOnlyOnce(201);
    }

    @Test
    void malformedInputIsA4xxProblem() {
        Reply malformed = server.post("/api/v1/stores", API_KEY, "{\"code\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("malformed-json");
        Reply wrongShape = server.post("/api/v1/stores", API_KEY, "[1,2]");
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.json().get("code").asText()).isEqualTo("invalid-body");
        Reply noBody = server.send("POST", "/api/v1/stores", API_KEY, null);
        assertThat(noBody.json().get("code").asText()).isEqualTo("missing-body");
        Reply badId = server.get("/api/v1/stores/abc", API_KEY);
        assertThat(badId.status()).isEqualTo(404);
        Reply unknown = server.get("/api/v1/nothing-here", API_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Reply badScope = server.post("/api/v1/apikeys", API_KEY, "{\"name\":\"x1x\",\"scopes\":[\"ALL THE THINGS\"]}");
        assertThat(badScope.status()).isEqualTo(422);
        assertThat(badScope.json().get("errors").get("scopes").asText()).contains("not area:action");
    }
}
