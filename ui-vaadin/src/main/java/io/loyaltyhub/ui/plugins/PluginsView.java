package io.loyaltyhub.ui.plugins;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.api.platform.SettingsRejectedException;
import io.loyaltyhub.ui.common.Notifications;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.NoSuchElementException;

/** The plugins and, for the selected one ({@code plugins/<id>}), its settings form. */
@Route(value = "plugins/:" + PluginsView.ID_PARAMETER + "?", layout = MainLayout.class)
@PageTitle("Plugins | Loyalty admin")
@RequiredScope("plugins:read")
public class PluginsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "id";
    static final String WRITE_SCOPE = "plugins:write";

    private final transient PluginAdmin plugins;
    private final Grid<PluginInfo> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private String selectedId;

    public PluginsView(PluginAdmin plugins) {
        this.plugins = plugins;
        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PluginInfo::id).setHeader("Id").setSortable(true).setAutoWidth(true);
        grid.addColumn(PluginInfo::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(p -> p.state().name()).setHeader("State").setSortable(true).setAutoWidth(true);
        grid.addColumn(p -> p.error() == null ? "" : p.error()).setHeader("Error").setFlexGrow(1)
                .setTooltipGenerator(p -> p.error() == null ? "" : p.error());
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                open(e.getValue());
            }
        });
        details.setPadding(false);
        details.setId("plugin-details");
        add(new H2("Plugins"), grid, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        selectedId = event.getRouteParameters().get(ID_PARAMETER).orElse(null);
        refresh();
    }

    private void open(PluginInfo plugin) {
        RouteParameters parameters = plugin == null
                ? RouteParameters.empty() : new RouteParameters(ID_PARAMETER, plugin.id());
        UI.getCurrent().navigate(PluginsView.class, parameters);
    }

    private void refresh() {
        List<PluginInfo> all = plugins.list();
        grid.setItems(all).setIdentifierProvider(PluginInfo::id);
        PluginInfo selected = selectedId == null ? null
                : all.stream().filter(p -> p.id().equals(selectedId)).findFirst().orElse(null);
        if (selectedId != null && selected == null) {
            Notifications.error("There is no plugin \"" + selectedId + "\".");
        }
        if (selected == null) {
            grid.asSingleSelect().clear();
        } else {
            grid.select(selected);
        }
        showDetails(selected);
    }

    private void showDetails(PluginInfo plugin) {
        details.removeAll();
        if (plugin == null) {
            details.add(new Paragraph("Select a plugin to see its settings."));
            return;
        }
        details.add(new H3(plugin.id() + " " + plugin.version()));
        if (plugin.description() != null && !plugin.description().isBlank()) {
            details.add(new Paragraph(plugin.description()));
        }
        Span state = new Span("State: " + plugin.state());
        state.setId("plugin-state");
        details.add(state);
        if (plugin.error() != null && !plugin.error().isBlank()) {
            Span error = new Span(plugin.error());
            error.setId("plugin-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
            details.add(error);
        }
        if (plugin.schema() == null || plugin.schema().settings().isEmpty()) {
            details.add(new Paragraph("This plugin has no settings."));
            return;
        }
        SettingsForm form = new SettingsForm(plugin.schema());
        form.setValues(plugin.settings());
        form.setEditable(CurrentActor.may(WRITE_SCOPE));
        form.addSaveListener(e -> save(plugin.id(), form, e.values()));
        details.add(form);
    }

    private void save(String pluginId, SettingsForm form, java.util.Map<String, String> values) {
        if (!CurrentActor.may(WRITE_SCOPE)) {
            Notifications.error("Your role may not change plugin settings.");
            return;
        }
        try {
            plugins.updateSettings(CurrentActor.require(), pluginId, values);
            Notifications.success("Settings saved");
            refresh();
        } catch (SettingsRejectedException e) {
            List<String> other = form.showErrors(e.errors());
            Notifications.error(other.isEmpty()
                    ? "Settings not saved: please correct the marked fields."
                    : "Settings not saved: " + String.join("; ", other));
        } catch (NoSuchElementException e) {
            Notifications.error("The plugin \"" + pluginId + "\" no longer exists.");
            refresh();
        }
    }
}
