package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.ChatMessage;
import io.loyaltyhub.api.chat.DeliveryStatus;
import io.loyaltyhub.api.chat.Direction;
import io.loyaltyhub.api.chat.MessageLog;
import io.loyaltyhub.api.data.SqlRunner;
import io.loyaltyhub.api.data.Transactions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The message history: inbound and outbound messages of a user on every channel, newest first. */
public final class MessageLogService implements MessageLog {
    private final Transactions transactions;

    public MessageLogService(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<ChatMessage> history(String userId, int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        return transactions.inTransaction(tx -> {
            List<ChatMessage> all = new ArrayList<>(tx.sql().query(
                    "SELECT id, channel, user_id, kind, body, what, status, error, received_at FROM chat_inbound "
                            + "WHERE user_id = ? ORDER BY id DESC LIMIT ?",
                    rs -> new ChatMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("user_id"),
                            Direction.IN, inboundSummary(rs.getString("kind"), rs.getString("body"), rs.getString("what")),
                            rs.getString("status").equals("FAILED") ? DeliveryStatus.FAILED : DeliveryStatus.RECEIVED,
                            null, rs.getString("error"), SqlRunner.instant(rs, "received_at"),
                            SqlRunner.instant(rs, "received_at"), null),
                    userId, n));
            all.addAll(tx.sql().query(OUTBOUND + "WHERE user_id = ? ORDER BY id DESC LIMIT ?",
                    MessageLogService::outboundMessage, userId, n));
            all.sort(Comparator.comparing(ChatMessage::at).thenComparing(m -> m.direction() == Direction.OUT)
                    .thenComparing(ChatMessage::id).reversed());
            return all.size() > n ? List.copyOf(all.subList(0, n)) : all;
        });
    }

    @Override
    public List<ChatMessage> outbound(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", ids.stream().map(id -> Long.toString(id)).toList());
        return transactions.inTransaction(tx -> tx.sql().query(OUTBOUND + "WHERE id IN (" + in + ")",
                MessageLogService::outboundMessage));
    }

    private static final String OUTBOUND = "SELECT id, channel, user_id, summary, status, error_code, error_title, "
            + "created_at, status_at, as_template, tag FROM chat_outbound ";

    private static ChatMessage outboundMessage(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ChatMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("user_id"), Direction.OUT,
                (rs.getBoolean("as_template") ? "[as template] " : "") + rs.getString("summary"),
                outboundStatus(rs.getString("status")), rs.getString("error_code"), rs.getString("error_title"),
                SqlRunner.instant(rs, "created_at"), SqlRunner.instant(rs, "status_at"), rs.getString("tag"));
    }

    private static String inboundSummary(String kind, String body, String what) {
        return switch (kind) {
            case "CHOICE" -> "[tapped] " + body;
            case "UNSUPPORTED" -> "[" + (what == null ? "unsupported" : what) + "]";
            default -> body;
        };
    }

    private static DeliveryStatus outboundStatus(String s) {
        return switch (s) {
            case "SENDING", "QUEUED" -> DeliveryStatus.QUEUED;
            default -> DeliveryStatus.valueOf(s);
        };
    }
}
