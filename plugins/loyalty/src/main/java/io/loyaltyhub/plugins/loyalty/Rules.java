package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.plugin.JsonCodec;

import java.util.List;
import java.util.Map;

/** Earning rules as stored in loyalty_rule. */
final class Rules {
    private Rules() {
    }

    @SuppressWarnings("unchecked")
    static List<RuleDef> load(SqlRunner sql, JsonCodec json) {
        return sql.query("SELECT id, name, rule_type, active, params, valid_from, valid_to FROM loyalty_rule ORDER BY id",
                rs -> new RuleDef(rs.getLong(1), rs.getString(2), RuleDef.Type.valueOf(rs.getString(3)), rs.getBoolean(4),
                        (Map<String, Object>) json.read(rs.getString(5), Map.class),
                        SqlRunner.instant(rs, "valid_from"), SqlRunner.instant(rs, "valid_to")));
    }

    /** Points of an active bonus rule for the event (SIGN_UP, PROFILE_COMPLETED, ...), 0 if none. */
    static long bonus(List<RuleDef> rules, String event, java.time.Instant at) {
        return rules.stream().filter(r -> r.type() == RuleDef.Type.BONUS && r.appliesAt(at)
                && event.equals(r.text("event"))).mapToLong(r -> r.number("points", 0)).sum();
    }
}
