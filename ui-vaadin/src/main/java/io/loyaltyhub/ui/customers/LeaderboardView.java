package io.loyaltyhub.ui.customers;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.loyaltyhub.api.loyalty.LeaderboardEntry;
import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.ui.common.Times;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Customers by points earned in a month, with a bar per customer (plain divs, no chart library). */
@Route(value = "leaderboard", layout = MainLayout.class)
@PageTitle("Leaderboard | Loyalty admin")
@RequiredScope("customers:read")
public class LeaderboardView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 50;
    static final int BARS = 10;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final transient LoyaltyService loyalty;
    private final Select<YearMonth> month = new Select<>();
    private final Grid<LeaderboardEntry> grid = new Grid<>();
    private final Div chart = new Div();

    public LeaderboardView(LoyaltyService loyalty) {
        this.loyalty = loyalty;
        YearMonth now = YearMonth.now(Times.zone());
        month.setId("leaderboard-month");
        month.setLabel("Month");
        month.setItems(LeaderboardBars.months(now, 24));
        month.setItemLabelGenerator(MONTH::format);
        month.setValue(now);
        month.addValueChangeListener(e -> refresh());

        grid.setId("leaderboard-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(LeaderboardEntry::rank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LeaderboardEntry::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(LeaderboardEntry::maskedMobile).setHeader("Mobile").setAutoWidth(true);
        grid.addColumn(LeaderboardEntry::points).setHeader("Points").setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CustomerDetailView.class,
                new RouteParameters(CustomerDetailView.ID, String.valueOf(e.getItem().customerId())))));
        grid.setAllRowsVisible(true);

        chart.setId("leaderboard-chart");
        chart.setWidth("min(40em, 100%)");

        HorizontalLayout top = new HorizontalLayout(month);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Leaderboard"), top, chart, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        YearMonth m = month.getValue() == null ? YearMonth.now(Times.zone()) : month.getValue();
        List<LeaderboardEntry> entries = loyalty.leaderboard(m, LIMIT);
        grid.setItems(entries);
        drawChart(entries);
    }

    private void drawChart(List<LeaderboardEntry> entries) {
        chart.removeAll();
        long max = LeaderboardBars.max(entries);
        if (max <= 0) {
            chart.add(new Span("No points earned in this month."));
            return;
        }
        for (LeaderboardEntry e : entries.stream().limit(BARS).toList()) {
            Span label = new Span(e.rank() + ". " + (e.name() == null ? e.maskedMobile() : e.name()));
            label.getStyle().set("width", "12em").set("overflow", "hidden").set("text-overflow", "ellipsis")
                    .set("white-space", "nowrap").set("flex-shrink", "0");
            Div bar = new Div();
            bar.addClassName("leaderboard-bar");
            bar.getStyle().set("width", LeaderboardBars.widthPercent(e.points(), max) + "%")
                    .set("height", "1.1em").set("background", "var(--lumo-primary-color)")
                    .set("border-radius", "var(--lumo-border-radius-s)");
            Div track = new Div(bar);
            track.getStyle().set("flex-grow", "1");
            Span value = new Span(String.valueOf(e.points()));
            value.getStyle().set("width", "5em").set("text-align", "right").set("flex-shrink", "0");
            HorizontalLayout row = new HorizontalLayout(label, track, value);
            row.setWidthFull();
            row.setSpacing(true);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            chart.add(row);
        }
    }
}
