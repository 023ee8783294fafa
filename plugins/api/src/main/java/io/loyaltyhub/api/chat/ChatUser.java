package io.loyaltyhub.api.chat;

import java.util.Objects;

/**
 * The person on the other side.
 *
 * @param channel     {@code whatsapp}, {@code telegram} or {@code simulator}
 * @param userId      on WhatsApp and for simulated customers the mobile number in E.164, or, for a WhatsApp
 *                    user whose number is not visible, their business-scoped user id ({@code US.1349...}),
 *                    which is never a phone number; on Telegram the user id
 * @param displayName the name the channel reports (WhatsApp profile name), may be empty
 */
public record ChatUser(String channel, String userId, String displayName) {
    public ChatUser {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(userId);
        displayName = displayName == null ? "" : displayName;
    }

    /** The mobile number in E.164 when the user is known by one (a business-scoped id is not). */
    public java.util.Optional<String> phone() {
        return userId.startsWith("+") ? java.util.Optional.of(userId) : java.util.Optional.empty();
    }
}
