package io.loyaltyhub.host.testing;

import io.loyaltyhub.host.db.EmbeddedMariaDb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real MariaDB the integration tests use: the server named by {@code TEST_DB_URL} (with
 * {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD}) when set, else one embedded MariaDB shared by
 * every test in the JVM. Each test gets a fresh database of its own on it.
 */
public final class TestDatabase {
    private static EmbeddedMariaDb embedded;
    private static boolean onEmbedded;
    private static String serverUrl;

    private TestDatabase() {
    }

    public static synchronized String serverUrl() {
        if (serverUrl != null) {
            return serverUrl;
        }
        String external = System.getenv("TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            // jdbc:mariadb://host:port[/db][?params] -> jdbc:mariadb://host:port
            String rest = external.substring(external.indexOf("//") + 2);
            int slash = rest.indexOf('/');
            int query = rest.indexOf('?');
            int end = slash >= 0 ? slash : query >= 0 ? query : rest.length();
            serverUrl = external.substring(0, external.indexOf("//") + 2) + rest.substring(0, end);
        } else {
            try {
                Path dir = Path.of(System.getProperty("test.work.dir", "target/it-work")).resolve("mariadb");
                embedded = EmbeddedMariaDb.start(dir);
                onEmbedded = true;
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                serverUrl = "jdbc:mariadb://127.0.0.1:" + embedded.port();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded MariaDB for tests", e);
            }
        }
        return serverUrl;
    }

    /** Points the following tests (or a benchmark) at another MariaDB server, e.g. jdbc:mariadb://127.0.0.1:3306. */
    public static synchronized void useServer(String url) {
        serverUrl = url.replaceAll("(jdbc:mariadb://[^/?]+).*", "$1");
        onEmbedded = false; // that server's credentials: TEST_DB_USER / TEST_DB_PASSWORD, or root without one
    }

    public static synchronized String user() {
        serverUrl();
        if (onEmbedded) {
            return embedded.user();
        }
        String u = System.getenv("TEST_DB_USER");
        return u == null || u.isBlank() ? "root" : u;
    }

    public static synchronized String password() {
        serverUrl();
        if (onEmbedded) {
            return embedded.password();
        }
        String p = System.getenv("TEST_DB_PASSWORD");
        return p == null ? "" : p;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String freshDatabase(String label) {
        String name = "it_" + label.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return serverUrl() + "/" + name;
    }

    public static void drop(String databaseUrl) {
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        if (name.startsWith("it_")) {
            execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl() + "/", user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
