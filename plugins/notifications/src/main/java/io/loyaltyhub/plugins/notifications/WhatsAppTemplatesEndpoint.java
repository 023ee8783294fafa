package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.chat.WaTemplate;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import org.pf4j.Extension;

import java.util.List;

/** {@code /api/v1/whatsapp-templates}: the business account's templates with their status, and reading them now. */
@Extension
public class WhatsAppTemplatesEndpoint implements ApiEndpoint {
    private final Notifications notifications;

    public WhatsAppTemplatesEndpoint(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String area() {
        return "whatsapp-templates";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "notifications:read", "WhatsApp message templates as Meta last reported them",
                        WaTemplate[].class, r -> ApiResponse.ok(notifications.whatsappTemplates())),
                ApiRoute.post("/sync", "notifications:write",
                        "Read the templates from Meta now (GET /{business-account-id}/message_templates)", null,
                        WaTemplate[].class, r -> ApiResponse.ok(notifications.syncWhatsAppTemplates(r.actor())))
                        .optionalBody());
    }
}
