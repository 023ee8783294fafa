package io.loyaltyhub.host.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.host.LoyaltyServer;
import io.loyaltyhub.host.config.ServerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A real server started in-process on free ports, on a fresh database of the test MariaDB, with
 * a known admin password and a bootstrap API key holding every scope.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String API_KEY = "test-bootstrap-key-0123456789abcdefghijklmnop";

    private LoyaltyServer server;
    private final String databaseUrl;
    private final ServerConfig config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private ApiContract contract;

    private TestServer(LoyaltyServer server, String databaseUrl, ServerConfig config, Clock clock) {
        this.server = server;
        this.databaseUrl = databaseUrl;
        this.config = config;
        this.clock = clock;
    }

    public static TestServer start(String label, Path pluginsDir) throws Exception {
        return start(label, pluginsDir, Clock.systemUTC());
    }

    public static TestServer start(String label, Path pluginsDir, Clock clock) throws Exception {
        return start(label, pluginsDir, clock, 8);
    }

    public static TestServer start(String label, Path pluginsDir, Clock clock, int poolSize) throws Exception {
        return start(label, pluginsDir, clock, c -> c.withPoolSize(poolSize));
    }

    /** With the configuration changed by {@code tweak} (e.g. WhatsApp pointed at WireMock). */
    public static TestServer start(String label, Path pluginsDir, Clock clock,
                                   java.util.function.UnaryOperator<ServerConfig> tweak) throws Exception {
        String url = TestDatabase.freshDatabase(label);
        ServerConfig c = tweak.apply(config(url, pluginsDir));
        TestServer server = new TestServer(LoyaltyServer.start(c, clock), url, c, clock);
        server.seedStores();
        return server;
    }

    /** Without the stores of {@link #STORES}: for tests that watch every store being created. */
    public static TestServer startWithoutStores(String label, Path pluginsDir) throws Exception {
        String url = TestDatabase.freshDatabase(label);
        ServerConfig c = config(url, pluginsDir);
        return new TestServer(LoyaltyServer.start(c, Clock.systemUTC()), url, c, Clock.systemUTC());
    }

    /** The stores tests' bills name (a bill's store must exist), when the stores plugin runs. */
    public static final List<String> STORES = List.of("BLR-1", "S1");

    private void seedStores() {
        if (server.service(io.loyaltyhub.api.store.StoreDirectory.class).isEmpty()) {
            return;
        }
        for (String code : STORES) {
            Reply r = post("/api/v1/stores", API_KEY, "{\"code\":\"" + code + "\",\"name\":\"Store " + code + "\"}");
            if (r.status() != 201) {
                throw new AssertionError("could not create store " + code + ": " + r.body());
            }
        }
    }

    /** Stops the server and starts it again on the same database and configuration (new ports). */
    public void restart() throws Exception {
        server.close();
        server = LoyaltyServer.start(config, clock);
    }

    /** A plain JDBC connection to this server's database, for checking what was written. */
    public java.sql.Connection jdbc() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(databaseUrl, TestDatabase.user(), TestDatabase.password());
    }

    /** One text value from the database. */
    public String jdbcString(String sql) {
        try (java.sql.Connection c = jdbc(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + sql);
            }
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** One number from the database, e.g. a COUNT(*). */
    public long count(String sql) {
        try (java.sql.Connection c = jdbc(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /** The configuration a test server runs with, on the given database. */
    public static ServerConfig config(String databaseUrl, Path pluginsDir) throws IOException {
        Path data = Files.createTempDirectory("loyalty-it-data");
        return new ServerConfig("127.0.0.1", 0, java.util.Set.of(), "127.0.0.1", 0, Duration.ofMinutes(30), data, pluginsDir, databaseUrl,
                TestDatabase.user(), TestDatabase.password(), 8, "admin", Optional.of(ADMIN_PASSWORD),
                Optional.of(API_KEY), 3, "it-" + UUID.randomUUID(), io.loyaltyhub.bots.ChatConfig.off(),
                ServerConfig.OpsConfig.defaults());
    }

    /** The shipped plugins as built by Maven (the stores plugin), copied for a test to add to. */
    public static Path shippedPlugins() throws IOException {
        Path dir = Files.createTempDirectory("loyalty-it-plugins");
        Path built = Path.of(System.getProperty("test.plugins.dir", "target/test-plugins"));
        try (var jars = Files.list(built)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, dir.resolve(jar.getFileName()));
            }
        }
        return dir;
    }

    public LoyaltyServer server() {
        return server;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public String adminBase() {
        return "http://127.0.0.1:" + server.adminPort();
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("content-type").orElse("");
        }
    }

    public Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, null);
    }

    /** With an Idempotency-Key header when {@code idempotencyKey} is given. */
    public Reply send(String method, String path, String token, String body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            contract().check(method, request.uri(), body == null ? null : "application/json", body, r.statusCode(),
                    r.headers().firstValue("content-type").orElse(null), r.body());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    /** Logs a staff user in over REST and returns the bearer token. */
    public String staffToken(String username, String password) {
        Reply r = post("/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asText();
    }

    public String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The server's own OpenAPI document, read on first use (it does not change while the server runs). */
    private synchronized ApiContract contract() throws IOException, InterruptedException {
        if (contract == null) {
            HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(base() + "/openapi")).build(),
                    HttpResponse.BodyHandlers.ofString());
            contract = new ApiContract(doc.body());
        }
        return contract;
    }

    /** Mismatches between what the ITs sent and got and what /openapi says (none, for a passing class). */
    public List<String> contractMismatches() {
        return contract == null ? List.of() : contract.mismatches();
    }

    @Override
    public void close() {
        server.close();
        TestDatabase.drop(databaseUrl);
        List<String> mismatches = contractMismatches();
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " answers or requests differ from /openapi:\n  "
                    + String.join("\n  ", mismatches.subList(0, Math.min(40, mismatches.size()))));
        }
    }
}
