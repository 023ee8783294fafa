package io.loyaltyhub.plugins.notifications;

import java.util.List;

/** A trigger as the admin UI and the REST API list it, with its switch. */
public record TriggerInfo(String id, String label, String audience, String channel, List<String> variables,
                          String defaultCategory, boolean canWait, boolean on) {
    static TriggerInfo of(Trigger t, boolean on) {
        return new TriggerInfo(t.id, t.label, t.audience.name(), t.channel(), t.variables(), t.defaultCategory.name(),
                t.canWait, on);
    }
}
