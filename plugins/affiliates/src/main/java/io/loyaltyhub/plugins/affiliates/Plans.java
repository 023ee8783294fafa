package io.loyaltyhub.plugins.affiliates;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.plugin.PluginContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Commission plans stored as data ({@code affiliate_plan}); an affiliate without one has the default plan. */
final class Plans {
    /** A stored plan as the API shows it. */
    public record PlanView(long id, String name, Map<String, Object> params, Instant createdAt, Instant updatedAt) {
    }

    private final PluginContext context;

    Plans(PluginContext context) {
        this.context = context;
    }

    /** The plan of an affiliate: their own, else the default (also when their plan was deleted from under them). */
    static Plan of(SqlRunner sql, Long planId, Plan defaultPlan) {
        if (planId == null) {
            return defaultPlan;
        }
        return sql.one("SELECT params FROM affiliate_plan WHERE id = ?", rs -> rs.getString(1), planId)
                .map(Plan::parse).orElse(defaultPlan);
    }

    /** Whether a plan exists (for checking an affiliate's plan id). */
    static boolean exists(SqlRunner sql, long planId) {
        return sql.one("SELECT id FROM affiliate_plan WHERE id = ?", rs -> rs.getLong(1), planId).isPresent();
    }

    List<PlanView> list() {
        return context.transactions().inTransaction(tx -> tx.sql().query("SELECT id, name, params, created_at, updated_at "
                + "FROM affiliate_plan ORDER BY name", Plans::view));
    }

    Optional<PlanView> find(long id) {
        return context.transactions().inTransaction(tx -> find(tx.sql(), id));
    }

    private static Optional<PlanView> find(SqlRunner sql, long id) {
        return sql.one("SELECT id, name, params, created_at, updated_at FROM affiliate_plan WHERE id = ?", Plans::view, id);
    }

    PlanView create(Actor actor, String name, Map<String, Object> params) {
        String n = name(name);
        Plan plan = validated(params);
        return context.transactions().inTransaction(tx -> {
            refuseTaken(tx.sql(), n, 0);
            long id = tx.sql().insert("INSERT INTO affiliate_plan (name, params, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    n, plan.toJson(), tx.now(), tx.now());
            PlanView created = find(tx.sql(), id).orElseThrow();
            audit(tx, actor, "plan.create", id, null, created);
            return created;
        });
    }

    PlanView update(Actor actor, long id, String name, Map<String, Object> params) {
        String n = name == null ? null : name(name);
        Plan plan = params == null ? null : validated(params);
        return context.transactions().inTransaction(tx -> {
            PlanView before = tx.sql().one("SELECT id, name, params, created_at, updated_at FROM affiliate_plan "
                    + "WHERE id = ? FOR UPDATE", Plans::view, id).orElseThrow(() -> unknown(id));
            if (n != null) {
                refuseTaken(tx.sql(), n, id);
            }
            tx.sql().update("UPDATE affiliate_plan SET name = ?, params = ?, updated_at = ? WHERE id = ?",
                    n == null ? before.name() : n, plan == null ? Plan.of(before.params()).toJson() : plan.toJson(),
                    tx.now(), id);
            PlanView after = find(tx.sql(), id).orElseThrow();
            audit(tx, actor, "plan.update", id, before, after);
            return after;
        });
    }

    private static void audit(Tx tx, Actor actor, String action, long id, Object before, Object after) {
        if (actor != null && actor.kind() != Actor.Kind.SYSTEM) {
            tx.audit(actor, action, "affiliate-plan", String.valueOf(id), before, after);
        }
    }

    static Rejected unknown(long id) {
        return new Rejected(Rejected.Kind.NOT_FOUND, "unknown-plan", "No commission plan " + id + ".");
    }

    private static void refuseTaken(SqlRunner sql, String name, long self) {
        if (sql.one("SELECT id FROM affiliate_plan WHERE name = ? AND id <> ?", rs -> rs.getLong(1), name, self)
                .isPresent()) {
            throw new Rejected(Rejected.Kind.CONFLICT, "plan-name-taken", "A plan named '" + name
                    + "' exists.");
        }
    }

    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Affiliates.invalid("missing-field", "name", "is required");
        }
        String n = raw.trim().replaceAll("\\s+", " ");
        if (n.length() > 100) {
            throw Affiliates.invalid("invalid-name", "name", "has at most 100 characters");
        }
        return n;
    }

    private static Plan validated(Map<String, Object> params) {
        if (params == null) {
            throw Affiliates.invalid("invalid-plan", "params", "is required, e.g. {\"type\":\"PERCENT\",\"percent\":5}");
        }
        try {
            return Plan.of(params);
        } catch (Plan.Invalid e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            e.errors().forEach((k, v) -> errors.put("params." + k, v));
            throw new Rejected(Rejected.Kind.INVALID, "invalid-plan", "The plan is not valid: "
                    + e.errors(), errors);
        }
    }

    private static PlanView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlanView(rs.getLong("id"), rs.getString("name"), Plan.parse(rs.getString("params")).toMap(),
                SqlRunner.instant(rs, "created_at"), SqlRunner.instant(rs, "updated_at"));
    }
}
