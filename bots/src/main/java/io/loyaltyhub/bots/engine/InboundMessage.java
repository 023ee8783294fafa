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
 */
public record InboundMessage(ChatUser user, Audience audience, String messageId, Inbound input, String what,
                             Instant sentAt) {

    public String channel() {
        return user.channel();
    }
}
