package io.loyaltyhub.ui;

import io.loyaltyhub.admin.AdminScreen;
import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.StaffService;

import java.util.Objects;

/**
 * The services the admin UI calls; handed to {@link AdminUiServer#start}. Platform services are
 * always there; services of plugins (loyalty, rewards) come from {@code pluginServices} when the
 * view is created.
 */
public record UiServices(StaffService staff, PluginAdmin plugins, AuditLog audit, EventAdmin events,
                         PluginServices pluginServices, java.util.function.Supplier<java.util.List<AdminScreen>> screens) {

    /** Without plugin screens. */
    public UiServices(StaffService staff, PluginAdmin plugins, AuditLog audit, EventAdmin events,
                      PluginServices pluginServices) {
        this(staff, plugins, audit, events, pluginServices, java.util.List::of);
    }

    public UiServices {
        Objects.requireNonNull(screens, "screens");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(pluginServices, "pluginServices");
    }
}
