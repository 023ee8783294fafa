package io.loyaltyhub.host.http.chat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.loyaltyhub.bots.telegram.TelegramWebhook;
import io.loyaltyhub.bots.telegram.WebhookSecret;
import io.loyaltyhub.host.http.Problems;

import java.util.Map;

/**
 * {@code POST /webhooks/telegram}: the Bot API's updates in webhook mode. The secret token header
 * is checked before the body is read; the update is stored and acknowledged, and answered
 * afterwards by the bots' inbound worker.
 */
public final class TelegramWebhookRoutes {
    public static final String PATH = "/webhooks/telegram";
    private static final int MAX_BODY = 1024 * 1024; // an update is a few KB

    private TelegramWebhookRoutes() {
    }

    public static void register(HttpRouting.Builder routing, TelegramWebhook hook, Problems problems) {
        routing.post(PATH, (req, res) -> receive(hook, problems, req, res));
    }

    private static void receive(TelegramWebhook hook, Problems problems, ServerRequest req, ServerResponse res) {
        String secret = req.headers().first(HeaderNames.create(WebhookSecret.HEADER)).orElse(null);
        if (secret == null) {
            // nothing to check: refuse before reading anything
            problems.send(res, 401, "bad-secret", "Unauthorized",
                    WebhookSecret.HEADER + " is missing or does not match telegram.webhook-secret.", PATH, Map.of());
            return;
        }
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (body.length > MAX_BODY) {
            problems.send(res, 413, "payload-too-large", "Payload too large", "At most 1 MB.", PATH, Map.of());
            return;
        }
        switch (hook.receive(body, secret)) {
            case ACCEPTED -> res.status(Status.OK_200).send();
            case BAD_SECRET -> problems.send(res, 401, "bad-secret", "Unauthorized",
                    WebhookSecret.HEADER + " is missing or does not match telegram.webhook-secret.", PATH, Map.of());
            case BAD_PAYLOAD -> problems.send(res, 400, "malformed-json", "Bad request",
                    "The body is not a Telegram update.", PATH, Map.of());
            case OFF -> problems.send(res, 404, "channel-off", "Not found",
                    "Telegram updates are not taken by webhook on this server (no telegram.bot-token, or "
                            + "telegram.mode is polling).", PATH, Map.of());
            case UNAVAILABLE -> {
                res.header(HeaderNames.RETRY_AFTER, "5");
                problems.send(res, 503, "unavailable", "Service unavailable",
                        "The update could not be stored now; send it again.", PATH, Map.of());
            }
        }
    }
}
