package io.loyaltyhub.plugins.notifications;

import java.time.Instant;

/** A template as the REST API, the editor and the dispatcher see it. */
public record TemplateView(long id, String trigger, String channel, String language, int version, String body,
                           Trigger.Category category, WhatsAppMapping whatsapp, Instant updatedAt, String updatedBy) {

    public Trigger triggerEnum() {
        return Trigger.byId(trigger).orElseThrow();
    }
}
