package io.loyaltyhub.host.testing;

import io.loyaltyhub.host.HostJson;
import io.loyaltyhub.host.audit.AuditWriter;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.db.Database;
import io.loyaltyhub.host.db.Persistence;
import io.loyaltyhub.host.db.TransactionRunner;
import io.loyaltyhub.host.events.Outbox;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The host's data layer on a fresh database without the HTTP server: for tests that play two
 * server instances sharing one database (each instance gets its own {@link #instance()}).
 */
public final class TestPlatform implements AutoCloseable {
    public final String databaseUrl;
    private final ServerConfig config;
    private final java.util.List<AutoCloseable> opened = new java.util.ArrayList<>();

    public TestPlatform(String label) throws Exception {
        this.databaseUrl = TestDatabase.freshDatabase(label);
        this.config = TestServer.config(databaseUrl, Path.of("no-plugins"));
        try (Database db = Database.open(config)) {
            db.migrateHost();
        }
    }

    /** One "server instance": its own pool, outbox and transaction runner on the shared database. */
    public Instance instance() throws Exception {
        return instance(Clock.systemUTC());
    }

    public Instance instance(Clock clock) throws Exception {
        Database db = Database.open(config);
        opened.add(db);
        HostJson json = new HostJson();
        Outbox outbox = new Outbox(json);
        Persistence persistence = new Persistence(db.dataSource());
        persistence.rebuild(java.util.List.of(), java.util.List.of());
        opened.add(persistence);
        return new Instance(db, outbox, new TransactionRunner(db.dataSource(), persistence, outbox, new AuditWriter(json), clock));
    }

    public record Instance(Database database, Outbox outbox, TransactionRunner tx) {
    }

    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        TestDatabase.drop(databaseUrl);
    }
}
