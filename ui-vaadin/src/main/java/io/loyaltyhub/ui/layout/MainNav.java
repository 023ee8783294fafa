package io.loyaltyhub.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.ui.audit.AuditView;
import io.loyaltyhub.ui.dashboard.DashboardView;
import io.loyaltyhub.ui.events.EventsView;
import io.loyaltyhub.ui.plugins.PluginsView;
import io.loyaltyhub.ui.security.AccessRule;
import io.loyaltyhub.ui.staff.StaffView;

import java.util.List;

/**
 * The side navigation, in order. Add new views HERE. An entry is shown only to actors that may
 * open its view (by the view's {@link io.loyaltyhub.ui.security.RequiredScope}).
 */
public final class MainNav {

    public record Entry(String label, VaadinIcon icon, Class<? extends Component> view) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("Dashboard", VaadinIcon.DASHBOARD, DashboardView.class),
            new Entry("Plugins", VaadinIcon.PLUG, PluginsView.class),
            new Entry("Staff users", VaadinIcon.USERS, StaffView.class),
            new Entry("Audit log", VaadinIcon.RECORDS, AuditView.class),
            new Entry("Events", VaadinIcon.EXCHANGE, EventsView.class));

    private MainNav() {
    }

    /** The entries {@code actor} may open. */
    public static List<Entry> visibleFor(Actor actor) {
        return ENTRIES.stream().filter(e -> AccessRule.mayOpen(e.view(), actor)).toList();
    }
}
