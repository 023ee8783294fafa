package io.loyaltyhub.api.chat;

import java.util.Objects;

/**
 * The person on the other side.
 *
 * @param channel     {@code whatsapp}, {@code telegram} or {@code simulator}
 * @param userId      on WhatsApp and for simulated customers the mobile number in E.164; on Telegram the user id
 * @param displayName the name the channel reports (WhatsApp profile name), may be empty
 */
public record ChatUser(String channel, String userId, String displayName) {
    public ChatUser {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(userId);
        displayName = displayName == null ? "" : displayName;
    }
}
