package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.ChatMessage;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.plugin.JsonCodec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code notify_message}: the notifications' queue (intents written with their event, claimed by the dispatcher) and
 * their log (what was sent with which template version, what the channel made of it, what was refused and why).
 */
final class NotificationLog {
    /** Statuses whose channel status may still change. */
    static final List<String> IN_FLIGHT = List.of("QUEUED", "HELD", "SENT", "DELIVERED");

    /**
     * A claimed notification, to compose.
     *
     * @param leaseUntil the claim's token: every update of the claim names it, so a dispatcher whose lease ran out
     *                   (and whose notification another one claimed) changes nothing
     */
    record Claimed(long id, Trigger trigger, long recipientId, String userId, Map<String, String> variables,
                   String storeId, int retries, String category, Instant leaseUntil) {
    }

    /** How often a notification may fail to be composed or queued (an outage, a bug) before it is refused. */
    static final int MAX_FAILURES = 10;

    private final JsonCodec json;

    NotificationLog(JsonCodec json) {
        this.json = json;
    }

    /** Writes the intent in the event's transaction; a second time for the same key writes nothing. */
    boolean record(SqlRunner sql, NotificationIntent i, String eventId, Instant now) {
        return sql.update("INSERT IGNORE INTO notify_message (dedup_key, event_id, trigger_id, recipient_kind, "
                        + "recipient_id, channel, user_id, variables, store_id, status, due_at, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                cut(i.dedupKey(), 190), eventId, i.trigger().id, i.trigger().audience.name(), i.recipientId(),
                i.trigger().channel(), i.userId(), json.write(i.variables()), i.storeId(), now, now, now) == 1;
    }

    /** Claims due notifications for {@code lease} (a dispatcher that dies lets them come back). */
    List<Claimed> claim(SqlRunner sql, Instant now, int limit, Duration lease) {
        // the token is compared with the stored DATETIME(3): at any finer precision no update would ever match
        Instant until = now.plus(lease).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Claimed> rows = sql.query("SELECT id, trigger_id, recipient_id, user_id, variables, store_id, retries, "
                        + "category FROM notify_message WHERE (status = 'PENDING' AND due_at <= ?) "
                        + "OR (status = 'DISPATCHING' AND lease_until < ?) ORDER BY due_at, id LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED",
                rs -> new Claimed(rs.getLong("id"), Trigger.byId(rs.getString("trigger_id")).orElseThrow(),
                        rs.getLong("recipient_id"), rs.getString("user_id"), variables(rs.getString("variables")),
                        rs.getString("store_id"), rs.getInt("retries"), rs.getString("category"), until),
                now, now, limit);
        if (!rows.isEmpty()) {
            sql.update("UPDATE notify_message SET status = 'DISPATCHING', lease_until = ?, updated_at = ? WHERE id IN ("
                    + ids(rows.stream().map(Claimed::id).toList()) + ")", until, now);
        }
        return rows;
    }

    /** Handed to the channel's queue as outbound message {@code outboundId}; false: no longer this claim's. */
    boolean queued(SqlRunner sql, Claimed n, long outboundId, Composed c, Instant now) {
        return sql.update("UPDATE notify_message SET status = 'QUEUED', outbound_id = ?, template_id = ?, "
                        + "template_version = ?, as_template = ?, text = ?, user_id = ?, language = ?, category = ?, "
                        + "reason = NULL, error_code = NULL, lease_until = NULL, queued_at = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'DISPATCHING' AND lease_until = ?",
                outboundId, c.template().id(), c.template().version(), c.asTemplate(), c.text(), c.userId(),
                c.template().language(), c.category().name(), now, now, n.id(), n.leaseUntil()) == 1;
    }

    /** Not sent, with a readable reason (no consent, no approved template, cap reached, channel off, ...). */
    boolean refused(SqlRunner sql, Claimed n, String status, String reason, Instant now) {
        return sql.update("UPDATE notify_message SET status = ?, reason = ?, lease_until = NULL, updated_at = ? "
                + "WHERE id = ? AND status = 'DISPATCHING' AND lease_until = ?", status, cut(reason, 500), now, n.id(),
                n.leaseUntil()) == 1;
    }

    /** Waits (quiet hours) until {@code due}; the reason says so in the log. */
    boolean waitUntil(SqlRunner sql, Claimed n, Instant due, String reason, Instant now) {
        return sql.update("UPDATE notify_message SET status = 'PENDING', due_at = ?, reason = ?, lease_until = NULL, "
                + "updated_at = ? WHERE id = ? AND status = 'DISPATCHING' AND lease_until = ?", due, cut(reason, 500),
                now, n.id(), n.leaseUntil()) == 1;
    }

    /**
     * Composing or queueing threw: tried again after {@code delay}, or, after {@link #MAX_FAILURES}, refused with the
     * error, so nothing is tried forever.
     */
    void failedToDispatch(SqlRunner sql, Claimed n, String error, java.time.Duration delay, Instant now) {
        sql.update("UPDATE notify_message SET failures = failures + 1, "
                        + "status = IF(failures >= ?, 'REFUSED', 'PENDING'), due_at = ?, "
                        + "reason = IF(failures >= ?, CONCAT('could not be sent: ', ?), CONCAT('error, tried again: ', ?)), "
                        + "lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'DISPATCHING' AND lease_until = ?",
                MAX_FAILURES, now.plus(delay), MAX_FAILURES, cut(error, 400), cut(error, 400), now, n.id(),
                n.leaseUntil());
    }

    /** Sends a failed or refused notification again (a new outbound message: the old one stays in the history). */
    boolean retry(SqlRunner sql, long id, Instant now) {
        return sql.update("UPDATE notify_message SET status = 'PENDING', retries = retries + 1, due_at = ?, "
                + "reason = NULL, error_code = NULL, outbound_id = NULL, updated_at = ? "
                + "WHERE id = ? AND status IN ('FAILED', 'REFUSED')", now, now, id) == 1;
    }

    /** Marketing notifications that went (or are going) to a customer since {@code since}: the weekly cap. */
    long marketingSince(SqlRunner sql, long customerId, Instant since) {
        return sql.one("SELECT COUNT(*) FROM notify_message WHERE recipient_kind = 'CUSTOMER' AND recipient_id = ? "
                        + "AND created_at >= ? AND category = 'MARKETING' AND status IN ('QUEUED', 'HELD', 'SENT', "
                        + "'DELIVERED', 'READ')",
                rs -> rs.getLong(1), customerId, since).orElse(0L);
    }

    /** Outbound message ids of notifications whose channel status may still change, queued since {@code since}. */
    Map<Long, Long> inFlight(SqlRunner sql, Instant since, int limit) {
        Map<Long, Long> byOutbound = new LinkedHashMap<>();
        sql.query("SELECT id, outbound_id FROM notify_message WHERE status IN ('QUEUED', 'HELD', 'SENT', 'DELIVERED') "
                        + "AND outbound_id IS NOT NULL AND queued_at >= ? ORDER BY checked_at IS NOT NULL, checked_at "
                        + "LIMIT ?",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, since, limit)
                .forEach(row -> byOutbound.put(row[1], row[0]));
        return byOutbound;
    }

    /** Notes that these were compared with the channel now, so the next round starts with others. */
    void checked(SqlRunner sql, java.util.Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            sql.update("UPDATE notify_message SET checked_at = ? WHERE id IN (" + ids(List.copyOf(ids)) + ")", now);
        }
    }

    /**
     * Copies the channel's status of the outbound message; only changes are written, and only while the notification
     * still names that message (a retry queues another).
     */
    void applyChannelStatus(SqlRunner sql, long id, ChatMessage m, Instant now) {
        String status = switch (m.status()) {
            case QUEUED -> "QUEUED";
            case HELD -> "HELD";
            case SENT -> "SENT";
            case DELIVERED -> "DELIVERED";
            case READ -> "READ";
            case FAILED, RECEIVED -> "FAILED";
        };
        String reason = m.status() == io.loyaltyhub.api.chat.DeliveryStatus.FAILED
                || m.status() == io.loyaltyhub.api.chat.DeliveryStatus.HELD ? m.errorTitle() : null;
        sql.update("UPDATE notify_message SET status = ?, error_code = ?, reason = ?, updated_at = ?, "
                        + "held_back = held_back OR ? WHERE id = ? AND outbound_id = ? "
                        + "AND (status <> ? OR NOT (error_code <=> ?))",
                status, m.errorCode(), cut(reason, 500), now, status.equals("HELD"), id, m.id(), status, m.errorCode());
    }

    /** The log, newest first, filtered. */
    List<NotificationView> search(SqlRunner sql, NotificationFilter f) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.trigger() != null) {
            where.append(" AND trigger_id = ?");
            args.add(f.trigger());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            args.add(f.status());
        }
        if (f.channel() != null) {
            where.append(" AND channel = ?");
            args.add(f.channel());
        }
        if (f.customerId() != null) {
            where.append(" AND recipient_kind = 'CUSTOMER' AND recipient_id = ?");
            args.add(f.customerId());
        }
        if (f.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND created_at < ?");
            args.add(f.to());
        }
        if (f.beforeId() != null) {
            where.append(" AND id < ?");
            args.add(f.beforeId());
        }
        args.add(f.limit());
        return sql.query("SELECT * FROM notify_message " + where + " ORDER BY id DESC LIMIT ?", NotificationLog::view,
                args.toArray());
    }

    java.util.Optional<NotificationView> find(SqlRunner sql, long id) {
        return sql.one("SELECT * FROM notify_message WHERE id = ?", NotificationLog::view, id);
    }

    /** Counts per trigger of notifications created since {@code since}, every trigger listed (zeros too). */
    List<TriggerCounts> counts(SqlRunner sql, Instant since) {
        Map<String, TriggerCounts> byTrigger = new LinkedHashMap<>();
        for (Trigger t : Trigger.values()) {
            byTrigger.put(t.id, new TriggerCounts(t.id, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        List<TriggerCounts> rows = sql.query("SELECT trigger_id, COUNT(*) AS total, "
                        + "SUM(status IN ('SENT', 'DELIVERED', 'READ')) AS sent, "
                        + "SUM(status IN ('DELIVERED', 'READ')) AS delivered, SUM(status = 'READ') AS rd, "
                        + "SUM(status = 'FAILED') AS failed, SUM(held_back) AS held, "
                        + "SUM(status IN ('REFUSED', 'SKIPPED')) AS refused, "
                        + "SUM(status IN ('PENDING', 'DISPATCHING', 'QUEUED')) AS waiting "
                        + "FROM notify_message WHERE created_at >= ? GROUP BY trigger_id",
                rs -> new TriggerCounts(rs.getString(1), rs.getLong("total"),
                        rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("rd"), rs.getLong("failed"),
                        rs.getLong("held"), rs.getLong("refused"), rs.getLong("waiting")),
                since);
        rows.forEach(c -> byTrigger.put(c.trigger(), c));
        return List.copyOf(byTrigger.values());
    }

    private static NotificationView view(ResultSet rs) throws SQLException {
        return new NotificationView(rs.getLong("id"), rs.getString("trigger_id"), rs.getString("recipient_kind"),
                rs.getLong("recipient_id"), rs.getString("channel"), rs.getString("user_id"), rs.getString("language"),
                rs.getString("category"), rs.getString("status"), rs.getString("reason"),
                rs.getObject("template_id", Long.class), rs.getObject("template_version", Integer.class),
                rs.getBoolean("as_template"), rs.getString("text"), rs.getObject("outbound_id", Long.class),
                rs.getString("error_code"), rs.getInt("retries"), rs.getString("event_id"),
                SqlRunner.instant(rs, "created_at"), SqlRunner.instant(rs, "due_at"),
                SqlRunner.instant(rs, "queued_at"), SqlRunner.instant(rs, "updated_at"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> variables(String text) {
        Map<String, Object> raw = json.read(text, Map.class);
        Map<String, String> values = new LinkedHashMap<>();
        raw.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
        return values;
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
