package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/notification-templates}: list, read, create (a trigger and language without one), change (a new
 * version each time), delete (not English: other languages fall back to it), versions, preview with sample values,
 * and the triggers with their variables and switches.
 */
@Extension
public class TemplatesEndpoint implements ApiEndpoint {
    private final Notifications notifications;

    public TemplatesEndpoint(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String area() {
        return "notification-templates";
    }

    /** A trigger switched on or off. */
    public record SwitchRequest(@io.loyaltyhub.api.http.Required Boolean on) {
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/", "notifications:read", "Templates: one per trigger, channel and language",
                        TemplateView[].class, r -> ApiResponse.ok(notifications.templates().list())),
                ApiRoute.get("/triggers", "notifications:read", "Triggers: variables, WhatsApp category, switch",
                        TriggerInfo[].class, r -> ApiResponse.ok(notifications.triggers())),
                ApiRoute.put("/triggers/{trigger}", "notifications:write", "Switch a trigger on or off",
                        SwitchRequest.class, TriggerInfo.class, this::switchTrigger),
                ApiRoute.post("/preview", "notifications:read",
                        "Render a template with sample values, as WhatsApp or Telegram shows it",
                        TemplateRequest.class, Preview.class, this::preview),
                ApiRoute.get("/{id}", "notifications:read", "Get a template", TemplateView.class,
                        r -> ApiResponse.ok(notifications.templates().find(r.idParam("id")).orElseThrow(() ->
                                Rejected.notFound("not-found", "No notification template " + r.pathParam("id"))))),
                ApiRoute.get("/{id}/versions", "notifications:read", "Every saved version, newest first",
                        TemplateVersion.VersionView[].class,
                        r -> ApiResponse.ok(notifications.templates().versions(r.idParam("id")))),
                ApiRoute.post("/", "notifications:write", "Create the template of a trigger and language",
                        TemplateRequest.class, TemplateView.class, this::create).created(),
                ApiRoute.put("/{id}", "notifications:write", "Change a template (saved as a new version)",
                        TemplateRequest.class, TemplateView.class, this::update),
                ApiRoute.delete("/{id}", "notifications:write", "Delete a template (not an English one)",
                        this::delete));
    }

    private ApiResponse switchTrigger(ApiRequest r) {
        SwitchRequest body = r.body(SwitchRequest.class);
        if (body.on() == null) {
            throw Rejected.invalid("on is required", Map.of("on", "is required (true or false)"));
        }
        return ApiResponse.ok(notifications.switchTrigger(r.actor(), r.pathParam("trigger"), body.on()));
    }

    private ApiResponse preview(ApiRequest r) {
        TemplateRequest body = r.body(TemplateRequest.class);
        return ApiResponse.ok(notifications.preview(body.trigger(), body.body(), body.mapping()));
    }

    private ApiResponse create(ApiRequest r) {
        TemplateRequest body = r.body(TemplateRequest.class);
        Trigger trigger = Trigger.byId(body.trigger() == null ? "" : body.trigger()).orElseThrow(() ->
                Rejected.invalid("unknown trigger", Map.of("trigger", "must be a trigger id, e.g. points-earned")));
        TemplateView created = notifications.templates().create(r.actor(), trigger.id, body.language(),
                body.content(trigger, null));
        return ApiResponse.created("/api/v1/notification-templates/" + created.id(), created);
    }

    private ApiResponse update(ApiRequest r) {
        long id = r.idParam("id");
        TemplateView current = notifications.templates().find(id)
                .orElseThrow(() -> Rejected.notFound("not-found", "No notification template " + id));
        TemplateRequest body = r.body(TemplateRequest.class);
        return ApiResponse.ok(notifications.templates().update(r.actor(), id, body.content(current.triggerEnum(),
                current.category())));
    }

    private ApiResponse delete(ApiRequest r) {
        notifications.templates().delete(r.actor(), r.idParam("id"));
        return ApiResponse.noContent();
    }
}
