package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.loyaltyhub.api.erp.ConnectorInfo;
import io.loyaltyhub.api.erp.ConnectorType;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The connectors that bring bills in from the ERP: what each is doing, and a button to add one. */
@Route(value = "connectors", layout = MainLayout.class)
@PageTitle("Connectors | Loyalty admin")
@RequiredScope(ConnectorCalls.READ)
public class ConnectorsView extends VerticalLayout implements BeforeEnterObserver {

    static final String EMPTY_TEXT = "No connectors yet. Create one to bring bills in from your ERP.";

    private final transient ErpConnectors connectors;
    final transient ConnectorCalls calls = new ConnectorCalls();
    final Grid<ConnectorInfo> grid = new Grid<>();
    final Button add = new Button("New connector", VaadinIcon.PLUS.create());
    final Paragraph empty = new Paragraph(EMPTY_TEXT);
    final ErrorText error = new ErrorText("connectors-error");
    private Map<String, String> typeTitles = Map.of();

    public ConnectorsView(ErpConnectors connectors) {
        this.connectors = connectors;
        setSizeFull();
        grid.setId("connectors-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ConnectorInfo::name).setHeader("Name").setAutoWidth(true).setSortable(true);
        grid.addColumn(c -> typeTitles.getOrDefault(c.type(), c.type())).setHeader("Type").setAutoWidth(true);
        grid.addColumn(c -> ConnectorTexts.state(c.state())).setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> ConnectorTexts.lastRun(c.lastRun())).setHeader("Last run").setWidth("26em")
                .setFlexGrow(1).setTooltipGenerator(c -> ConnectorTexts.lastRun(c.lastRun())
                        + (c.lastRun() == null || c.lastRun().error() == null ? "" : "\n" + c.lastRun().error()));
        grid.addColumn(c -> ConnectorTexts.lag(c.lagSeconds())).setHeader("Behind by").setAutoWidth(true);
        grid.addColumn(c -> ConnectorTexts.number(c.openRejects())).setHeader("Rejected rows").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(c -> new HealthBadge(c.health())).setHeader("Health").setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();

        add.setId("connector-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> UI.getCurrent().navigate(ConnectorView.class,
                new RouteParameters(ConnectorView.ID, ConnectorView.NEW)));
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("connectors-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout top = new HorizontalLayout(add, refresh);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        empty.setId("connectors-empty");
        Paragraph intro = new Paragraph("Connectors read bills from your ERP (a database or exported files) and "
                + "give customers their points. Click a connector to see its runs and rejected rows.");
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Connectors"), intro, top, error, empty, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    void refresh() {
        error.clear();
        add.setVisible(calls.mayWrite());
        typeTitles = calls.call(connectors::types, error::show).orElse(List.of()).stream()
                .collect(Collectors.toMap(ConnectorType::type, ConnectorType::title, (a, b) -> a));
        List<ConnectorInfo> all = calls.call(connectors::list, error::show).orElse(List.of());
        grid.setItems(all);
        grid.getElement().setAttribute("data-count", String.valueOf(all.size()));
        empty.setVisible(all.isEmpty() && error.message().isEmpty());
        grid.setVisible(!all.isEmpty());
    }

    private void open(long id) {
        UI.getCurrent().navigate(ConnectorView.class, new RouteParameters(ConnectorView.ID, String.valueOf(id)));
    }
}
