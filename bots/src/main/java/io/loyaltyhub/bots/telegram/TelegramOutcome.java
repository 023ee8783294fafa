package io.loyaltyhub.bots.telegram;

import java.time.Duration;

/** What the queue does with the Bot API's answer to a {@code sendMessage}. */
enum TelegramOutcome {
    SENT,
    /** 5xx, timeouts, connection errors, answers that are not Telegram's: try again with backoff. */
    RETRY,
    /** 429 Too Many Requests: wait {@code parameters.retry_after} seconds, for the chat and the whole bot. */
    RATE_LIMITED,
    /** 401 / 404 (the token is wrong or revoked): nothing can be sent until someone fixes it. */
    AUTH,
    /** 400 (chat not found, bad request), 403 (bot blocked by the user, user deactivated), ...: fail. */
    PERMANENT;

    static TelegramOutcome of(BotApi.Result r) {
        if (r.accepted()) {
            return SENT;
        }
        String code = r.code() == null ? "" : r.code();
        return switch (code) {
            case "429" -> RATE_LIMITED;
            case "401", "404" -> AUTH;
            case "timeout", "io", "bad-response" -> RETRY;
            case "invalid" -> PERMANENT;
            default -> code.matches("5\\d\\d") ? RETRY : PERMANENT;
        };
    }

    /** How long a 429 asks to wait: {@code retry_after} seconds (at least one). */
    static Duration retryAfter(BotApi.Result r) {
        return Duration.ofSeconds(r.retryAfter() == null ? 1 : Math.max(1, r.retryAfter()));
    }
}
