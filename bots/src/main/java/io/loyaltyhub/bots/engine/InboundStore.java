package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.data.SqlRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code chat_inbound}: received messages, deduplicated by channel and message id, claimed with a lease. */
public final class InboundStore {
    static final int MAX_ATTEMPTS = 5;
    /** Waiting for the inbound worker. */
    public static final String NEW = "NEW";
    /** Answered by its caller directly (the simulator), never by the worker. */
    static final String DIRECT = "DIRECT";

    record Claimed(long id, int attempts, InboundMessage message) {
    }

    /** Inserts the messages not seen before; returns how many were new. */
    public int insertNew(SqlRunner sql, List<InboundMessage> messages, Instant now, String status) {
        if (messages.isEmpty()) {
            return 0;
        }
        StringBuilder q = new StringBuilder("INSERT IGNORE INTO chat_inbound (channel, audience, message_id, user_id, "
                + "display_name, kind, body, choice_id, what, sent_at, received_at, status) VALUES ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            InboundMessage m = messages.get(i);
            q.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Collections.addAll(args, m.channel(), m.audience(), m.messageId(), m.user().userId(),
                    cut(m.user().displayName(), 200), m.input().kind(), m.input().text(), m.input().choice(),
                    m.what(), m.sentAt(), now, status);
        }
        return sql.update(q.toString(), args.toArray());
    }

    /** Inserts one message that is new by construction (the simulator's own ids); returns its row id. */
    long insertOne(SqlRunner sql, InboundMessage m, Instant now, String status) {
        return sql.insert("INSERT INTO chat_inbound (channel, audience, message_id, user_id, display_name, kind, body, "
                        + "choice_id, what, sent_at, received_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.channel(), m.audience(), m.messageId(), m.user().userId(), cut(m.user().displayName(), 200),
                m.input().kind(), m.input().text(), m.input().choice(), m.what(), m.sentAt(), now, status);
    }

    /** Claims up to {@code limit} unanswered messages, oldest first, for {@code lease}. */
    List<Claimed> claim(SqlRunner sql, int limit, Instant now, Duration lease) {
        List<Claimed> rows = sql.query("SELECT id, attempts, channel, audience, message_id, user_id, display_name, kind, "
                        + "body, choice_id, what, sent_at FROM chat_inbound "
                        + "WHERE status = 'NEW' AND (lease_until IS NULL OR lease_until < ?) "
                        + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> new Claimed(rs.getLong("id"), rs.getInt("attempts") + 1, new InboundMessage(
                        new ChatUser(rs.getString("channel"), rs.getString("user_id"), rs.getString("display_name")),
                        Audience.valueOf(rs.getString("audience")), rs.getString("message_id"),
                        new Inbound(Inbound.Kind.valueOf(rs.getString("kind")), rs.getString("body"),
                                rs.getString("choice_id")),
                        rs.getString("what"), SqlRunner.instant(rs, "sent_at"))),
                now, limit);
        if (!rows.isEmpty()) {
            String ids = String.join(",", rows.stream().map(r -> Long.toString(r.id())).toList());
            sql.update("UPDATE chat_inbound SET lease_until = ?, attempts = attempts + 1 WHERE id IN (" + ids + ")",
                    now.plus(lease));
        }
        return rows;
    }

    void done(SqlRunner sql, long id, Instant now) {
        sql.update("UPDATE chat_inbound SET status = 'DONE', processed_at = ?, lease_until = NULL, error = NULL "
                + "WHERE id = ?", now, id);
    }

    /** Records a failed attempt; after the last one the message is given up (and shown as failed). */
    void failed(SqlRunner sql, long id, int attempts, String error, Instant now) {
        sql.update("UPDATE chat_inbound SET status = ?, error = ?, processed_at = ?, lease_until = ? WHERE id = ?",
                attempts >= MAX_ATTEMPTS ? "FAILED" : "NEW", cut(error, 500), now,
                now.plusSeconds(1L << Math.min(attempts, 6)), id);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
