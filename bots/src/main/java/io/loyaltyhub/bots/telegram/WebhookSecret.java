package io.loyaltyhub.bots.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Telegram sends the secret given to {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}
 * with every update. Compared in constant time (over SHA-256 digests, so not even the length shows).
 */
public final class WebhookSecret {
    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private final byte[] expected;

    public WebhookSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is needed to verify updates");
        }
        this.expected = digest(secret);
    }

    public boolean matches(String header) {
        return header != null && MessageDigest.isEqual(expected, digest(header));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
