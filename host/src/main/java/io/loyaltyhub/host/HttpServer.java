package io.loyaltyhub.host;

import io.loyaltyhub.api.http.WebEndpoint;
import io.loyaltyhub.bots.telegram.TelegramWebhook;
import io.loyaltyhub.bots.whatsapp.WhatsAppWebhook;
import io.loyaltyhub.host.http.chat.TelegramWebhookRoutes;
import io.loyaltyhub.host.http.chat.WhatsAppWebhookRoutes;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.host.config.ServerConfig;
import io.loyaltyhub.host.db.Database;
import io.loyaltyhub.host.http.ApiRoutes;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public HTTP server: {@code /health}, {@code /metrics}, {@code /openapi}, {@code /api/v1} and
 * {@code /webhooks/whatsapp} and {@code /webhooks/telegram}.
 */
public final class HttpServer {
    private static final int MAX_PAYLOAD = 5 * 1024 * 1024;

    private HttpServer() {
    }

    public static WebServer start(String host, int port, Database database, ApiRoutes api,
                                  List<ApiEndpoint> endpoints, String openApiJson, WhatsAppWebhook whatsapp,
                                  TelegramWebhook telegram, List<WebEndpoint> web, ServerConfig.OpsConfig ops) {
        HealthCheck databaseCheck = new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(database.isUp()).build();
            }
        };
        io.helidon.webserver.observe.ObserveFeatureConfig.Builder observers = ObserveFeature.builder()
                .endpoint("/")
                .addObserver(HealthObserver.builder().details(true).useSystemServices(false)
                        .addCheck(databaseCheck).build());
        if (ops.metricsEnabled()) {
            observers.addObserver(MetricsObserver.create());
        }
        ObserveFeature observe = observers.build();
        return WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(MAX_PAYLOAD)
                .directHandlers(api.problems().directHandlers())
                .addFeature(observe)
                .routing(r -> {
                    ops.metricsToken().ifPresent(token -> r.addFilter(new MetricsGuard(token, api.problems())));
                    routing(r, api, endpoints, openApiJson, whatsapp, telegram, web);
                })
                .build()
                .start();
    }

    /** All application routes; tests reuse it. */
    public static void routing(HttpRouting.Builder routing, ApiRoutes api, List<ApiEndpoint> endpoints,
                               String openApiJson, WhatsAppWebhook whatsapp, TelegramWebhook telegram,
                               List<WebEndpoint> web) {
        WhatsAppWebhookRoutes.register(routing, whatsapp, api.problems());
        TelegramWebhookRoutes.register(routing, telegram, api.problems());
        api.registerWeb(routing, web);
        byte[] openApi = openApiJson.getBytes(StandardCharsets.UTF_8);
        routing.get("/openapi", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/vnd.oai.openapi+json");
            res.send(openApi);
        });
        api.register(routing, endpoints);
    }
}
