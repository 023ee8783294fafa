package io.loyaltyhub.host.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loyaltyhub.host.config.ServerConfig;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database: an external MariaDB by URL, or the embedded one under the data directory; a
 * HikariCP pool over it; Flyway for the host's own tables.
 */
public final class Database implements AutoCloseable {
    static final String EMBEDDED_SCHEMA = "loyalty";

    private final EmbeddedMariaDb embedded;
    private final HikariDataSource pool;
    private final String url;

    private Database(EmbeddedMariaDb embedded, HikariDataSource pool, String url) {
        this.embedded = embedded;
        this.pool = pool;
        this.url = url;
    }

    public static Database open(ServerConfig config) throws Exception {
        EmbeddedMariaDb embedded = null;
        String url = config.dbUrl();
        String user = config.dbUser();
        String password = config.dbPassword();
        if (config.embeddedDatabase()) {
            embedded = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"), config.dbPassword());
            user = embedded.user();
            password = embedded.password();
            try (Connection c = DriverManager.getConnection(embedded.url(""), user, password);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS " + EMBEDDED_SCHEMA
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                embedded.close();
                throw e;
            }
            url = embedded.url(EMBEDDED_SCHEMA);
        }
        try {
            HikariConfig hc = new HikariConfig();
            hc.setPoolName("loyalty");
            hc.setJdbcUrl(url);
            hc.setUsername(user);
            hc.setPassword(password);
            hc.setMaximumPoolSize(config.dbPoolSize());
            hc.setMinimumIdle(Math.min(2, config.dbPoolSize()));
            // Fewer gap locks and deadlocks than REPEATABLE READ; every invariant is guarded by
            // row locks or conditional updates, not by snapshot reads (docs/adr/0003).
            hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            hc.setConnectionTimeout(10_000);
            hc.setInitializationFailTimeout(30_000);
            return new Database(embedded, new HikariDataSource(hc), url);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw new IllegalStateException("Cannot connect to the database at " + url + " as '" + user
                    + "': " + rootMessage(e) + " (check db.url, db.user, db.password)", e);
        }
    }

    /** Creates or upgrades the host's own tables (history table {@code flyway_history_host}). */
    public void migrateHost() {
        migrate("host");
    }

    /**
     * Creates or upgrades the tables of a part of the host's class path ({@code host}, {@code bots}):
     * migrations under {@code db/migration/<part>}, history table {@code flyway_history_<part>}.
     */
    public void migrate(String part) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration/" + part)
                .table("flyway_history_" + part)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** For readiness: can a connection be had and used within two seconds? */
    public boolean isUp() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
