package io.loyaltyhub.host.audit;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.HostJson;
import io.loyaltyhub.host.db.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Writes audit entries inside the transaction that makes the change. */
public final class AuditWriter {
    private final HostJson json;

    public AuditWriter(HostJson json) {
        this.json = json;
    }

    public void write(Connection c, Actor actor, String action, String entityType, String entityId,
                      Object before, Object after, Instant at) throws SQLException {
        Sql.update(c, "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before_json, after_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                at, actor.label(), action, entityType, entityId, encode(before), encode(after));
    }

    private String encode(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.write(value);
    }
}
