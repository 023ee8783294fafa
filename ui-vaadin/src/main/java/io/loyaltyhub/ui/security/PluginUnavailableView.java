package io.loyaltyhub.ui.security;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.ui.layout.MainLayout;

/**
 * Shown instead of a view whose plugin (e.g. loyalty) is not running, so the page explains itself
 * instead of failing. The address stays as it was.
 */
@Route(value = "plugin-unavailable/:plugin?", layout = MainLayout.class)
@PageTitle("Plugin not running | Loyalty admin")
public class PluginUnavailableView extends VerticalLayout implements BeforeEnterObserver {

    private final Paragraph message = new Paragraph();

    public PluginUnavailableView() {
        setId("plugin-unavailable");
        message.setId("plugin-unavailable-message");
        add(new H2("Plugin not running"), message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        message.setText(message(event.getRouteParameters().get("plugin").orElse("")));
    }

    /** E.g. "The loyalty plugin is not running. ..." */
    public static String message(String plugin) {
        String name = plugin == null || plugin.isBlank() ? "needed" : plugin;
        return "The " + name + " plugin is not running. Check its state on the Plugins page (it may have failed "
                + "to start); this page works again once it runs.";
    }

    /** The plugin a service belongs to, by the api package it is in: io.loyaltyhub.api.loyalty -> "loyalty". */
    public static String pluginName(Class<?> service) {
        String pkg = service.getPackageName();
        return pkg.startsWith("io.loyaltyhub.api.") ? pkg.substring(pkg.lastIndexOf('.') + 1) : service.getSimpleName();
    }
}
