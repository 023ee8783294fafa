package io.loyaltyhub.bots.whatsapp;

import java.util.Optional;

/** What the host's {@code /webhooks/whatsapp} routes call; HTTP stays in the host. */
public interface WhatsAppWebhook {

    enum Outcome {
        /** 200: stored; answered after the response. */
        ACCEPTED,
        /** 401: missing or wrong X-Hub-Signature-256; nothing happened. */
        BAD_SIGNATURE,
        /** 400: signed but not a webhook payload. */
        BAD_PAYLOAD,
        /** 404: the channel is off (no access token). */
        OFF,
        /** 503: could not be stored now; Meta delivers again. */
        UNAVAILABLE
    }

    /** The subscription handshake: the challenge to echo when mode and token are right, else empty (403). */
    Optional<String> handshake(String mode, String verifyToken, String challenge);

    Outcome receive(byte[] rawBody, String signatureHeader);
}
