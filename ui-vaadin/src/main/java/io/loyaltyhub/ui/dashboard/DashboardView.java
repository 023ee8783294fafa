package io.loyaltyhub.ui.dashboard;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.api.platform.EventAdmin;
import io.loyaltyhub.api.platform.PluginAdmin;
import io.loyaltyhub.api.platform.PluginInfo;
import io.loyaltyhub.api.platform.PluginState;
import io.loyaltyhub.ui.PluginServices;
import io.loyaltyhub.ui.common.StatCard;
import io.loyaltyhub.ui.connectors.ConnectorBanners;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.CurrentActor;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A banner per ERP connector that needs a person (for actors who may read connectors), plugins by state and, for
 * actors who may read events, the event backlog and dead letters.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard | Loyalty admin")
@RequiredScope("plugins:read")
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    /** Dead letters counted at most; more show as "1000+". */
    static final int DEAD_LETTER_CAP = 1000;

    private final transient PluginAdmin plugins;
    private final transient EventAdmin events;
    private final transient PluginServices services;
    private final ConnectorBanners connectorBanners = new ConnectorBanners();
    private final Map<PluginState, StatCard> pluginCards = new EnumMap<>(PluginState.class);
    private final StatCard backlog = new StatCard("stat-backlog", "Events waiting", "-");
    private final StatCard deadLetters = new StatCard("stat-dead-letters", "Dead letters", "-");
    private final VerticalLayout eventSection = new VerticalLayout();

    public DashboardView(PluginAdmin plugins, EventAdmin events, PluginServices services) {
        this.plugins = plugins;
        this.events = events;
        this.services = services;
        FlexLayout pluginRow = row();
        for (PluginState state : PluginState.values()) {
            StatCard card = new StatCard("stat-plugins-" + state.name().toLowerCase(),
                    "Plugins " + state.name().toLowerCase(), "-");
            pluginCards.put(state, card);
            pluginRow.add(card);
        }
        FlexLayout eventRow = row();
        eventRow.add(backlog, deadLetters);
        eventSection.setPadding(false);
        eventSection.add(new H3("Events"), eventRow);
        add(new H2("Dashboard"), connectorBanners, new H3("Plugins"), pluginRow, eventSection);
    }

    private static FlexLayout row() {
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // the connectors service is there only while the host runs them
        java.util.Optional<ErpConnectors> erp = CurrentActor.may("connectors:read")
                ? services.find(ErpConnectors.class) : java.util.Optional.empty();
        erp.ifPresentOrElse(connectorBanners::refresh, () -> connectorBanners.show(List.of()));
        Map<PluginState, Long> counts = countByState(plugins.list());
        pluginCards.forEach((state, card) -> card.setValue(String.valueOf(counts.get(state))));
        boolean mayReadEvents = CurrentActor.may("events:read");
        eventSection.setVisible(mayReadEvents);
        if (mayReadEvents) {
            backlog.setValue(String.valueOf(events.backlog()));
            int dead = events.deadLetters(DEAD_LETTER_CAP).size();
            deadLetters.setValue(dead >= DEAD_LETTER_CAP ? DEAD_LETTER_CAP + "+" : String.valueOf(dead));
        }
    }

    /** How many plugins are in each state (every state present, 0 when none). */
    public static Map<PluginState, Long> countByState(List<PluginInfo> all) {
        Map<PluginState, Long> counts = new EnumMap<>(PluginState.class);
        for (PluginState state : PluginState.values()) {
            counts.put(state, 0L);
        }
        all.forEach(p -> counts.merge(p.state(), 1L, Long::sum));
        return counts;
    }
}
