package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Audience;

import java.time.Instant;
import java.util.Map;

/**
 * Where one user's conversation on one channel stands.
 *
 * @param version       0 for a conversation not stored yet
 * @param lastInboundAt when the user last wrote (WhatsApp's 24-hour window starts there); null if never
 */
record Conversation(String channel, Audience audience, String userId, String flowId, String step,
                    Map<String, String> data, String language, long version, Instant lastInboundAt) {

    static Conversation fresh(String channel, Audience audience, String userId, String flowId, String language) {
        return new Conversation(channel, audience, userId, flowId, "", Map.of(), language, 0, null);
    }
}
