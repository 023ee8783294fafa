package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatUser;
import io.loyaltyhub.api.chat.Inbound;

import java.time.Instant;

/**
 * A message as a channel received it, before it is answered.
 *
 * @param messageId the channel's id (WhatsApp wamid, Telegram update id): deduplicates redeliveries
 * @param what      for unsupported messages, what it was (image, location, ...), else null
 * @param sentAt    when the user sent it, by the channel; null if unknown
 * @param bsuid     WhatsApp's business-scoped id of the sender when the message named one, else null
 */
public record InboundMessage(ChatUser user, Audience audience, String messageId, Inbound input, String what,
                             Instant sentAt, String bsuid) {

    public InboundMessage(ChatUser user, Audience audience, String messageId, Inbound input, String what, Instant sentAt) {
        this(user, audience, messageId, input, what, sentAt, null);
    }

    /** The same message from {@code userId} (a linked number instead of a business-scoped id). */
    public InboundMessage keyedBy(String userId) {
        return new InboundMessage(new ChatUser(user.channel(), userId, user.displayName()), audience, messageId, input,
                what, sentAt, bsuid);
    }

    public String channel() {
        return user.channel();
    }
}
