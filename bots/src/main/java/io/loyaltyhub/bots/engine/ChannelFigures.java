package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.data.SqlRunner;

import java.time.Duration;
import java.time.Instant;

/**
 * What every channel's status shows from the message tables: its queue, what was sent and what
 * failed in the last 24 hours, the last failure, and when the last message came in.
 */
public record ChannelFigures(long queued, long sent24h, long failed24h, String lastFailure, Instant lastReceived) {

    public static ChannelFigures read(SqlRunner sql, String channel, Instant now) {
        Instant since = now.minus(Duration.ofHours(24));
        long queued = count(sql, "SELECT COUNT(*) FROM chat_outbound WHERE channel = ? "
                + "AND status IN ('QUEUED', 'SENDING')", channel);
        long sent = count(sql, "SELECT COUNT(*) FROM chat_outbound WHERE channel = ? "
                + "AND status IN ('SENT', 'DELIVERED', 'READ') AND status_at >= ?", channel, since);
        long failed = count(sql, "SELECT COUNT(*) FROM chat_outbound WHERE channel = ? "
                + "AND status = 'FAILED' AND status_at >= ?", channel, since);
        String lastFailure = sql.one("SELECT CONCAT(error_code, ': ', COALESCE(error_title, '')) AS e FROM chat_outbound "
                        + "WHERE channel = ? AND status = 'FAILED' ORDER BY status_at DESC LIMIT 1",
                rs -> rs.getString("e"), channel).orElse(null);
        Instant lastReceived = sql.one("SELECT received_at FROM chat_inbound WHERE channel = ? ORDER BY id DESC LIMIT 1",
                rs -> SqlRunner.instant(rs, "received_at"), channel).orElse(null);
        return new ChannelFigures(queued, sent, failed, lastFailure, lastReceived);
    }

    private static long count(SqlRunner sql, String q, Object... args) {
        return sql.one(q, rs -> rs.getLong(1), args).orElse(0L);
    }
}
