package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.data.SqlRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code chat_outbound}: the persistent send queue and the delivery log. Messages to one user go
 * out in order: a message is due only when no earlier one to the same user is still waiting.
 */
public final class OutboundStore {

    /** One message claimed for sending. */
    public record Pending(long id, String channel, String userId, Reply reply, Reply.Template fallback,
                          boolean asTemplate, int attempts) {
    }

    /** The longest text one message carries on WhatsApp and Telegram. */
    static final int MAX_TEXT = 4096;

    public enum Status {
        QUEUED(0), HELD(0), SENDING(1), SENT(2), DELIVERED(3), READ(4), FAILED(5);

        final int rank;

        Status(int rank) {
            this.rank = rank;
        }
    }

    /**
     * Queues a message once per idempotency key.
     *
     * @param status QUEUED for real channels; DELIVERED for the simulator, which shows replies at once
     * @return the message's id (the first one's, when the key was used before)
     */
    public long enqueue(SqlRunner sql, String channel, String userId, Reply reply, Reply.Template fallback,
                        String idempotencyKey, Status status, Instant now) {
        return enqueue(sql, channel, userId, reply, fallback, idempotencyKey, status, now, null);
    }

    /** @param tag what sent it (not a reply), for the history; may be null */
    public long enqueue(SqlRunner sql, String channel, String userId, Reply reply, Reply.Template fallback,
                        String idempotencyKey, Status status, Instant now, String tag) {
        if (reply instanceof Reply.Text t && t.body().length() > MAX_TEXT) {
            // one row per part, so a retry never sends a part twice
            List<String> parts = TextFit.split(t.body(), MAX_TEXT);
            long first = 0;
            for (int i = 0; i < parts.size(); i++) {
                long id = enqueue(sql, channel, userId, new Reply.Text(parts.get(i)), i == 0 ? fallback : null,
                        i == 0 ? idempotencyKey : idempotencyKey + "#" + i, status, now, tag);
                first = i == 0 ? id : first;
            }
            return first;
        }
        long id = sql.insert("INSERT IGNORE INTO chat_outbound (channel, user_id, idempotency_key, reply, fallback, "
                        + "summary, status, next_attempt_at, created_at, status_at, tag) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                channel, userId, idempotencyKey, ReplyCodec.write(reply),
                fallback == null ? null : ReplyCodec.write(fallback), ReplyCodec.summary(reply), status, now, now, now,
                tag == null ? null : cut(tag, 100));
        if (id > 0) {
            return id;
        }
        return sql.one("SELECT id FROM chat_outbound WHERE idempotency_key = ?", rs -> rs.getLong(1), idempotencyKey)
                .orElseThrow();
    }

    /**
     * Claims due messages of a channel, at most one per user (the oldest), for {@code lease}. A message
     * whose sender died mid-send (lease over) is due again. A message held back by the channel (HELD, due a day
     * later) does not hold up the user's later messages while it waits; once due, it goes before them.
     */
    public List<Pending> claimDue(SqlRunner sql, String channel, int limit, Instant now, Duration lease) {
        List<Pending> rows = sql.query("SELECT o.id, o.user_id, o.reply, o.fallback, o.as_template, o.attempts "
                        + "FROM chat_outbound o WHERE o.channel = ? AND o.next_attempt_at <= ? "
                        + "AND (o.status IN ('QUEUED', 'HELD') OR (o.status = 'SENDING' AND o.lease_until < ?)) "
                        + "AND NOT EXISTS (SELECT 1 FROM chat_outbound p WHERE p.channel = o.channel "
                        + "AND p.user_id = o.user_id AND p.id < o.id AND (p.status IN ('QUEUED', 'SENDING') "
                        + "OR (p.status = 'HELD' AND p.next_attempt_at <= ?))) "
                        + "ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> {
                    String fb = rs.getString("fallback");
                    return new Pending(rs.getLong("id"), channel, rs.getString("user_id"),
                            ReplyCodec.read(rs.getString("reply")),
                            fb == null ? null : (Reply.Template) ReplyCodec.read(fb), rs.getBoolean("as_template"),
                            rs.getInt("attempts") + 1);
                },
                channel, now, now, now, limit);
        if (!rows.isEmpty()) {
            String ids = String.join(",", rows.stream().map(r -> Long.toString(r.id())).toList());
            sql.update("UPDATE chat_outbound SET status = 'SENDING', lease_until = ?, attempts = attempts + 1 "
                    + "WHERE id IN (" + ids + ")", now.plus(lease));
        }
        return rows;
    }

    public void sent(SqlRunner sql, long id, String providerId, boolean asTemplate, Instant now) {
        sql.update("UPDATE chat_outbound SET status = 'SENT', provider_id = ?, as_template = ?, lease_until = NULL, "
                + "error_code = NULL, error_title = NULL, status_at = ? WHERE id = ? AND status = 'SENDING'",
                providerId, asTemplate, now, id);
    }

    /** Puts a message back in the queue, due at {@code due}, noting why. */
    public void retry(SqlRunner sql, long id, Instant due, String code, String title, boolean asTemplate, Instant now) {
        sql.update("UPDATE chat_outbound SET status = 'QUEUED', next_attempt_at = ?, lease_until = NULL, "
                + "as_template = ?, error_code = ?, error_title = ?, status_at = ? WHERE id = ?",
                due, asTemplate, code, cut(title), now, id);
    }

    /**
     * Queues again a message the channel accepted but later reported failed (e.g. 131047 outside the
     * window: as a template). Only from SENT or DELIVERED, so a redelivered failure status cannot
     * queue it twice; the old provider id is dropped, so its later statuses are ignored.
     */
    public boolean requeueFailed(SqlRunner sql, long id, Instant due, String code, String title, boolean asTemplate,
                                 Instant now) {
        return sql.update("UPDATE chat_outbound SET status = 'QUEUED', next_attempt_at = ?, provider_id = NULL, "
                + "as_template = ?, error_code = ?, error_title = ?, status_at = ? "
                + "WHERE id = ? AND status IN ('SENT', 'DELIVERED')", due, asTemplate, code, cut(title), now, id) == 1;
    }

    /**
     * Holds a message the channel held back (WhatsApp 131049) until {@code due}, once: from SENDING (the send's
     * answer) or from SENT / DELIVERED (a failed status reported later), and only if it was never held before. Its
     * provider id is dropped, so later statuses of the refused attempt change nothing.
     *
     * @return whether it was held (false: held before, or not in one of those states)
     */
    public boolean hold(SqlRunner sql, long id, Instant due, String code, String title, Instant now) {
        return sql.update("UPDATE chat_outbound SET status = 'HELD', next_attempt_at = ?, provider_id = NULL, "
                        + "lease_until = NULL, held_at = ?, error_code = ?, error_title = ?, status_at = ? "
                        + "WHERE id = ? AND held_at IS NULL AND status IN ('SENDING', 'SENT', 'DELIVERED')",
                due, now, code, cut(title), now, id) == 1;
    }

    public void failed(SqlRunner sql, long id, String code, String title, Instant now) {
        sql.update("UPDATE chat_outbound SET status = 'FAILED', lease_until = NULL, error_code = ?, error_title = ?, "
                + "status_at = ? WHERE id = ?", code, cut(title), now, id);
    }

    /** Delays every waiting message to a user (a per-user rate limit was hit). */
    public void delayUser(SqlRunner sql, String channel, String userId, Instant due) {
        sql.update("UPDATE chat_outbound SET next_attempt_at = GREATEST(next_attempt_at, ?) WHERE channel = ? "
                + "AND user_id = ? AND status = 'QUEUED'", due, channel, userId);
    }

    /** The message a provider id belongs to, if it is ours. */
    public java.util.Optional<Pending> byProviderId(SqlRunner sql, String channel, String providerId) {
        return sql.one("SELECT id, user_id, reply, fallback, as_template, attempts FROM chat_outbound "
                        + "WHERE channel = ? AND provider_id = ?",
                rs -> {
                    String fb = rs.getString("fallback");
                    return new Pending(rs.getLong("id"), channel, rs.getString("user_id"),
                            ReplyCodec.read(rs.getString("reply")),
                            fb == null ? null : (Reply.Template) ReplyCodec.read(fb), rs.getBoolean("as_template"),
                            rs.getInt("attempts"));
                }, channel, providerId);
    }

    /**
     * Applies a delivery status reported by the channel; statuses only move forward, so a late
     * "delivered" never undoes "read". Unknown provider ids change nothing.
     *
     * @return whether a message changed
     */
    public boolean applyStatus(SqlRunner sql, String channel, String providerId, Status status, String code,
                               String title, Instant at) {
        return sql.update("UPDATE chat_outbound SET status = ?, status_at = ?, error_code = COALESCE(?, error_code), "
                        + "error_title = COALESCE(?, error_title) WHERE channel = ? AND provider_id = ? AND "
                        + "(CASE status WHEN 'QUEUED' THEN 0 WHEN 'HELD' THEN 0 WHEN 'SENDING' THEN 1 WHEN 'SENT' THEN 2 "
                        + "WHEN 'DELIVERED' THEN 3 WHEN 'READ' THEN 4 ELSE 5 END) < ?",
                status, at, code, cut(title), channel, providerId, status.rank) == 1;
    }

    private static String cut(String s) {
        return cut(s, 500);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
