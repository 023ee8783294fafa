package io.loyaltyhub.api.chat;

import java.util.Objects;

/**
 * A button or a list row. Channels shorten titles and descriptions to their limits (WhatsApp:
 * button 20, row title 24, row description 72 characters); ids stay as they are, so keep them
 * short (at most 64 bytes, Telegram's callback-data limit, enforced here).
 *
 * @param description shown under a list row's title; ignored for buttons; may be empty
 */
public record Choice(String id, String title, String description) {
    public static final int MAX_ID_BYTES = 64;

    public Choice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        description = description == null ? "" : description;
        if (id.isEmpty() || id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("choice id must be 1-" + MAX_ID_BYTES + " bytes: " + id);
        }
    }

    public static Choice of(String id, String title) {
        return new Choice(id, title, "");
    }
}
