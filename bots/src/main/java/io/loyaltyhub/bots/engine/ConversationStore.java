package io.loyaltyhub.bots.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.data.SqlRunner;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Conversations in {@code chat_conversation}, with optimistic versions. */
final class ConversationStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    Optional<Conversation> find(SqlRunner sql, String channel, Audience audience, String userId) {
        return sql.one("SELECT flow_id, step, data, language, version, last_inbound_at FROM chat_conversation "
                        + "WHERE channel = ? AND audience = ? AND user_id = ?",
                rs -> new Conversation(channel, audience, userId, rs.getString("flow_id"), rs.getString("step"),
                        readData(rs.getString("data")), rs.getString("language"), rs.getLong("version"),
                        SqlRunner.instant(rs, "last_inbound_at")),
                channel, audience, userId);
    }

    /**
     * Stores the conversation after a turn, if nobody else stored one since {@code before} was read.
     *
     * @return false when another turn got there first (run this one again on the new state)
     */
    boolean save(SqlRunner sql, Conversation before, Conversation after, Instant now) {
        String data = writeData(after.data());
        if (before.version() == 0) {
            return sql.update("INSERT IGNORE INTO chat_conversation (channel, audience, user_id, flow_id, step, data, "
                            + "language, version, last_inbound_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    after.channel(), after.audience(), after.userId(), after.flowId(), after.step(), data,
                    after.language(), after.lastInboundAt(), now) == 1;
        }
        return sql.update("UPDATE chat_conversation SET flow_id = ?, step = ?, data = ?, language = ?, "
                        + "version = version + 1, last_inbound_at = ?, updated_at = ? "
                        + "WHERE channel = ? AND audience = ? AND user_id = ? AND version = ?",
                after.flowId(), after.step(), data, after.language(), after.lastInboundAt(), now,
                after.channel(), after.audience(), after.userId(), before.version()) == 1;
    }

    /** When the user last wrote on the channel, for WhatsApp's 24-hour window. */
    Optional<Instant> lastInbound(SqlRunner sql, String channel, String userId) {
        return sql.one("SELECT last_inbound_at FROM chat_conversation WHERE channel = ? AND user_id = ? "
                        + "AND last_inbound_at IS NOT NULL ORDER BY last_inbound_at DESC LIMIT 1",
                rs -> SqlRunner.instant(rs, "last_inbound_at"), channel, userId);
    }

    private static Map<String, String> readData(String json) {
        try {
            return json == null || json.isEmpty() ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of(); // unreadable state starts over rather than blocking the user
        }
    }

    private static String writeData(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
