package io.loyaltyhub.host.db;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.audit.AuditWriter;
import io.loyaltyhub.host.events.Outbox;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One transaction on one JDBC connection. Host code uses the connection directly; plugin code
 * gets a Hibernate session opened on that same connection, so entity changes, outbox rows and
 * audit rows commit together.
 */
public final class HostTx implements Tx {
    private final Connection connection;
    private final SessionFactory sessionFactory;
    private final Outbox outbox;
    private final AuditWriter audit;
    private final Instant now;
    private Session session;

    HostTx(Connection connection, SessionFactory sessionFactory, Outbox outbox, AuditWriter audit, Instant now) {
        this.connection = connection;
        this.sessionFactory = sessionFactory;
        this.outbox = outbox;
        this.audit = audit;
        this.now = now;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public SqlRunner sql() {
        return new ConnectionSql(connection);
    }

    /** The time this transaction started, from the server's clock. */
    @Override
    public Instant now() {
        return now;
    }

    @Override
    public EntityManager em() {
        if (session == null) {
            if (sessionFactory == null) {
                throw new IllegalStateException("No entity manager before the plugins are loaded");
            }
            session = sessionFactory.withOptions().connection(connection).openSession();
            session.beginTransaction();
        }
        return session;
    }

    @Override
    public void publish(String type, String key, Object payload) {
        try {
            outbox.append(connection, type, key, payload, now);
        } catch (SQLException e) {
            throw new DataAccessException("Could not write event " + type, e);
        }
    }

    @Override
    public void audit(Actor actor, String action, String entityType, String entityId, Object before, Object after) {
        try {
            audit.write(connection, actor, action, entityType, entityId, before, after, now);
        } catch (SQLException e) {
            throw new DataAccessException("Could not write audit entry " + action, e);
        }
    }

    void commit() throws SQLException {
        if (session != null) {
            // A native Hibernate session marked rollback-only (e.g. after a caught constraint
            // violation) would silently roll back on commit(): refuse instead of losing the work.
            if (session.getTransaction().getRollbackOnly()) {
                throw new IllegalStateException("The transaction was marked rollback-only after an earlier "
                        + "persistence error; nothing was saved");
            }
            session.getTransaction().commit(); // flushes, then commits the shared connection
        } else {
            connection.commit();
        }
    }

    void rollback() {
        try {
            if (session != null && session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
        } catch (RuntimeException ignored) {
            // fall through to the connection
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection; the original error is what matters
        }
    }

    void close() {
        if (session != null) {
            session.close();
        }
    }
}
