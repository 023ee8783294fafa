package io.loyaltyhub.host.audit;

import io.loyaltyhub.api.platform.AuditEntry;
import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.AuditQuery;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.TransactionRunner;

import java.util.ArrayList;
import java.util.List;

public final class AuditLogService implements AuditLog {
    private final TransactionRunner tx;

    public AuditLogService(TransactionRunner tx) {
        this.tx = tx;
    }

    @Override
    public List<AuditEntry> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            sql.append(" AND actor LIKE ?");
            args.add("%" + escapeLike(q.actor().trim()) + "%");
        }
        if (q.entityType() != null && !q.entityType().isBlank()) {
            sql.append(" AND entity_type = ?");
            args.add(q.entityType().trim());
        }
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            args.add(q.to());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(q.limit());
        return tx.inHostTransaction(t -> Sql.query(t.connection(), sql.toString(), rs -> new AuditEntry(
                rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_json"),
                rs.getString("after_json")), args.toArray()));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
