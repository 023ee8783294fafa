package io.loyaltyhub.plugins.notifications;

import io.loyaltyhub.api.plugin.PluginContext;
import io.loyaltyhub.api.plugin.PluginRoot;
import org.pf4j.Plugin;

/**
 * Entry point named in the manifest and the plugin's composition root: builds {@link Notifications} once, fills in
 * the shipped templates, and runs the dispatcher while the plugin is started.
 */
public class NotificationsPlugin extends Plugin implements PluginRoot<Notifications> {
    private final Notifications notifications;

    public NotificationsPlugin(PluginContext context) {
        this.notifications = new Notifications(context);
    }

    @Override
    public Notifications root() {
        return notifications;
    }

    @Override
    public void start() {
        notifications.templates().seed();
        notifications.dispatcher().start();
    }

    @Override
    public void stop() {
        notifications.dispatcher().close();
    }
}
