package io.loyaltyhub.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loyaltyhub.api.platform.AuditEntry;
import io.loyaltyhub.api.platform.AuditLog;
import io.loyaltyhub.ui.common.Json;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;

/** The audit log, newest first, filtered; a click on a row shows the full before and after. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Loyalty admin")
@RequiredScope("audit:read")
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private static final int SNIPPET = 60;

    private final transient AuditLog audit;
    private final AuditFilterForm filter = new AuditFilterForm();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span count = new Span();

    public AuditView(AuditLog audit) {
        this.audit = audit;
        setSizeFull();
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> Times.format(e.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::entityType).setHeader("Entity").setAutoWidth(true);
        grid.addColumn(AuditEntry::entityId).setHeader("Id").setAutoWidth(true);
        grid.addColumn(e -> Json.abbreviate(e.before(), SNIPPET)).setHeader("Before").setFlexGrow(1)
                .setTooltipGenerator(e -> Json.abbreviate(e.before(), 500));
        grid.addColumn(e -> Json.abbreviate(e.after(), SNIPPET)).setHeader("After").setFlexGrow(1)
                .setTooltipGenerator(e -> Json.abbreviate(e.after(), 500));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditView::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setSizeFull();

        count.setId("audit-count");
        filter.addSearchListener(e -> search(e.filter()));
        add(new H2("Audit log"), filter, count, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter.search();
    }

    private void search(AuditFilter query) {
        List<AuditEntry> entries = audit.search(query.toQuery(Times.zone()));
        grid.setItems(entries);
        count.setText(entries.size() >= AuditFilter.LIMIT
                ? "Showing the newest " + AuditFilter.LIMIT + " entries; narrow the filter to see older ones."
                : entries.size() + (entries.size() == 1 ? " entry" : " entries"));
    }

    private static Component details(AuditEntry entry) {
        HorizontalLayout both = new HorizontalLayout(snapshot("Before", entry.before()), snapshot("After", entry.after()));
        both.setWidthFull();
        return both;
    }

    private static Component snapshot(String title, String json) {
        Pre pre = new Pre(json == null || json.isBlank() ? "(none)" : Json.pretty(json));
        pre.getStyle().set("white-space", "pre-wrap").set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
        Div box = new Div(new Span(title), pre);
        box.getStyle().set("flex", "1 1 0").set("min-width", "0");
        return box;
    }
}
