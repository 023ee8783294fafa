package io.loyaltyhub.ui.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page around every view. The icon is inline: Vaadin's static files from jars fail on Jetty 12
 * (it opens their {@code jar:} URL as a path), and the browser would otherwise ask for /favicon.ico.
 */
public class AdminShell implements AppShellConfigurator {
    static final String ICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E"
            + "%3Crect width='32' height='32' rx='7' fill='%231676f3'/%3E%3Cpath d='M16 6.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5"
            + "L16 21.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z' fill='%23fff'/%3E%3C/svg%3E";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icon", ICON);
    }
}
