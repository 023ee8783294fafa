package io.loyaltyhub.host.http.chat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.loyaltyhub.bots.whatsapp.WhatsAppWebhook;
import io.loyaltyhub.host.http.Problems;

import java.util.Map;
import java.util.Optional;

/**
 * {@code /webhooks/whatsapp}: Meta's subscription handshake (GET) and deliveries (POST). The
 * signature is checked over the raw bytes before anything is read; the delivery is stored and
 * acknowledged, and answered afterwards by the bots' inbound worker.
 */
public final class WhatsAppWebhookRoutes {
    public static final String PATH = "/webhooks/whatsapp";
    private static final int MAX_BODY = 1024 * 1024; // Meta's deliveries are a few KB

    private WhatsAppWebhookRoutes() {
    }

    public static void register(HttpRouting.Builder routing, WhatsAppWebhook hook, Problems problems) {
        routing.get(PATH, (req, res) -> handshake(hook, problems, req, res));
        routing.post(PATH, (req, res) -> receive(hook, problems, req, res));
    }

    private static void handshake(WhatsAppWebhook hook, Problems problems, ServerRequest req, ServerResponse res) {
        Optional<String> challenge = hook.handshake(req.query().first("hub.mode").orElse(null),
                req.query().first("hub.verify_token").orElse(null), req.query().first("hub.challenge").orElse(null));
        if (challenge.isEmpty()) {
            problems.send(res, 403, "webhook-verification-failed", "Forbidden",
                    "hub.mode must be 'subscribe' and hub.verify_token must match whatsapp.verify-token.", PATH, Map.of());
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        res.send(challenge.get());
    }

    private static void receive(WhatsAppWebhook hook, Problems problems, ServerRequest req, ServerResponse res) {
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (body.length > MAX_BODY) {
            problems.send(res, 413, "payload-too-large", "Payload too large", "At most 1 MB.", PATH, Map.of());
            return;
        }
        String signature = req.headers().first(HeaderNames.create("X-Hub-Signature-256")).orElse(null);
        switch (hook.receive(body, signature)) {
            case ACCEPTED -> res.status(Status.OK_200).send();
            case BAD_SIGNATURE -> problems.send(res, 401, "bad-signature", "Unauthorized",
                    "X-Hub-Signature-256 is missing or does not match the body signed with the app secret.", PATH,
                    Map.of());
            case BAD_PAYLOAD -> problems.send(res, 400, "malformed-json", "Bad request",
                    "The body is not a WhatsApp webhook payload.", PATH, Map.of());
            case OFF -> problems.send(res, 404, "channel-off", "Not found",
                    "The WhatsApp channel is off on this server (no whatsapp.access-token).", PATH, Map.of());
            case UNAVAILABLE -> {
                res.header(HeaderNames.RETRY_AFTER, "5");
                problems.send(res, 503, "unavailable", "Service unavailable",
                        "The delivery could not be stored now; send it again.", PATH, Map.of());
            }
        }
    }
}
