package io.loyaltyhub.bots.telegram;

/** What the host's {@code POST /webhooks/telegram} route calls; HTTP stays in the host. */
public interface TelegramWebhook {

    enum Outcome {
        /** 200: stored (or nothing to store); answered after the response. */
        ACCEPTED,
        /** 401: missing or wrong X-Telegram-Bot-Api-Secret-Token; nothing happened. */
        BAD_SECRET,
        /** 400: the right secret but not an update. */
        BAD_PAYLOAD,
        /** 404: the channel is off, or it polls for updates instead. */
        OFF,
        /** 503: could not be stored now; Telegram delivers again. */
        UNAVAILABLE
    }

    Outcome receive(byte[] rawBody, String secretTokenHeader);
}
