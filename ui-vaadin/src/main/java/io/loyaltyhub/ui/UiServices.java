package io.loyaltyhub.ui;

import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.StaffService;

import java.util.Objects;

/** The platform services the admin UI calls; handed to {@link AdminUiServer#start}. */
public record UiServices(StaffService staff, PluginAdmin plugins, AuditLog audit, EventAdmin events) {
    public UiServices {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(events, "events");
    }
}
