package io.loyaltyhub.plugins.loyalty;

import io.loyaltyhub.api.loyalty.event.ConsentChanged;
import io.loyaltyhub.api.loyalty.event.MarketingConsentChanged;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Tx;
import io.loyaltyhub.api.loyalty.ConsentChange;

import java.util.List;
import java.util.Map;

/** The consent history: one row per change, written in the transaction that makes the change. */
final class Consents {

    private Consents() {
    }

    /** Records a change; {@code announce} publishes {@link io.loyaltyhub.api.loyalty.event.ConsentChanged} (joining announces itself as customer-joined). */
    static void record(Tx tx, long customerId, boolean given, String source, boolean announce) {
        tx.sql().update("INSERT INTO loyalty_consent (customer_id, given, source, changed_at, kind) "
                + "VALUES (?, ?, ?, ?, ?)", customerId, given, source, tx.now(), ConsentChange.MESSAGES);
        if (announce) {
            tx.publish(new ConsentChanged(customerId, given, source, tx.now()), String.valueOf(customerId));
        }
    }

    /** Records a change of the marketing opt-in and publishes {@link MarketingConsentChanged}. */
    static void recordMarketing(Tx tx, long customerId, boolean given, String source) {
        tx.sql().update("INSERT INTO loyalty_consent (customer_id, given, source, changed_at, kind) "
                + "VALUES (?, ?, ?, ?, ?)", customerId, given, source, tx.now(), ConsentChange.MARKETING);
        tx.publish(new MarketingConsentChanged(customerId, given, source, tx.now()), String.valueOf(customerId));
    }

    static List<ConsentChange> history(SqlRunner sql, long customerId) {
        return sql.query("SELECT given, source, changed_at, kind FROM loyalty_consent WHERE customer_id = ? ORDER BY id",
                rs -> new ConsentChange(rs.getBoolean(1), rs.getString(2), SqlRunner.instant(rs, "changed_at"),
                        rs.getString("kind")),
                customerId);
    }
}
