package io.loyaltyhub.ui.affiliates;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
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
import io.loyaltyhub.api.affiliate.AffiliateService;
import io.loyaltyhub.api.affiliate.AffiliateStats;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.layout.MainLayout;
import io.loyaltyhub.ui.security.RequiredScope;

import java.util.List;
import java.util.Optional;

/**
 * Affiliates by conversions and revenue in a period (this month, last month or custom days), with
 * a bar chart of the top {@link #BARS}. Ranking by revenue re-sorts the service's list (the top
 * {@link #LIMIT} by conversions).
 */
@Route(value = "affiliate-leaderboard", layout = MainLayout.class)
@PageTitle("Affiliate leaderboard | Loyalty admin")
@RequiredScope(Interactions.READ)
public class AffiliateLeaderboardView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 100;
    static final int BARS = 10;
    static final List<Period> PERIODS = List.of(Period.THIS_MONTH, Period.LAST_MONTH, Period.CUSTOM);

    private final transient AffiliateService service;
    final transient Interactions ui = new Interactions();
    private final transient AffiliateNames names;
    final Select<Period> period = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Select<LeaderboardRanking.By> rankBy = new Select<>();
    final Span range = new Span();
    final Grid<LeaderboardRanking.Row> grid = new Grid<>();
    final Div chart = new Div();
    final Span empty = new Span("No conversions or clicks in this period.");
    final ErrorText error = new ErrorText("affiliate-leaderboard-error");
    private boolean filling;

    public AffiliateLeaderboardView(AffiliateService service) {
        this.service = service;
        this.names = new AffiliateNames(service);

        period.setId("affiliate-leaderboard-period");
        period.setLabel("Period");
        period.setItems(PERIODS);
        period.setItemLabelGenerator(Period::label);
        period.setValue(Period.THIS_MONTH);
        period.addValueChangeListener(e -> {
            showCustomDates();
            refresh();
        });
        from.setId("affiliate-leaderboard-from");
        to.setId("affiliate-leaderboard-to");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        rankBy.setId("affiliate-leaderboard-rank-by");
        rankBy.setLabel("Rank by");
        rankBy.setItems(LeaderboardRanking.By.values());
        rankBy.setItemLabelGenerator(LeaderboardRanking.By::label);
        rankBy.setValue(LeaderboardRanking.By.CONVERSIONS);
        rankBy.addValueChangeListener(e -> refresh());
        range.setId("affiliate-leaderboard-range");
        range.getStyle().set("color", "var(--lumo-secondary-text-color)");
        showCustomDates();

        grid.setId("affiliate-leaderboard-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(LeaderboardRanking.Row::rank).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new Anchor(AffiliateDetailView.path(r.stats().affiliateId()),
                names.label(r.stats().affiliateId()))).setHeader("Affiliate").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> r.stats().conversions()).setHeader("Conversions").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> MoneyText.format(r.stats().revenue())).setHeader("Revenue").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> MoneyText.format(r.stats().commission())).setHeader("Commission").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.stats().clicks()).setHeader("Clicks").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.stats().uniqueClicks()).setHeader("Unique clicks").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);

        chart.setId("affiliate-leaderboard-chart");
        chart.setWidth("min(48em, 100%)");
        empty.setId("affiliate-leaderboard-empty");
        empty.setVisible(false);

        HorizontalLayout top = new HorizontalLayout(period, from, to, rankBy, range);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        add(new H2("Affiliate leaderboard"), top, error, empty, chart, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void showCustomDates() {
        boolean custom = period.getValue() == Period.CUSTOM;
        from.setVisible(custom);
        to.setVisible(custom);
        if (custom && from.getValue() == null && to.getValue() == null) {
            filling = true;
            try {
                from.setValue(ui.today().withDayOfMonth(1));
                to.setValue(ui.today());
            } finally {
                filling = false;
            }
        }
    }

    void refresh() {
        if (filling) {
            return;
        }
        error.clear();
        names.clear();
        Period p = period.getValue() == null ? Period.THIS_MONTH : period.getValue();
        Optional<DateRange> days = p.range(ui.today(), from.getValue(), to.getValue());
        if (days.isEmpty()) {
            error.show(Period.customProblem(from.getValue(), to.getValue()).orElse("Choose a period."));
            return;
        }
        DateRange r = days.get();
        range.setText(r.label());
        List<AffiliateStats> stats = ui.call(() -> service.leaderboard(r.from(ui.zone), r.to(ui.zone), LIMIT),
                error::show).orElse(List.of());
        List<LeaderboardRanking.Row> rows = LeaderboardRanking.rank(stats,
                rankBy.getValue() == null ? LeaderboardRanking.By.CONVERSIONS : rankBy.getValue());
        grid.setItems(rows);
        grid.getElement().setAttribute("data-count", String.valueOf(rows.size()));
        empty.setVisible(rows.isEmpty());
        chart.setVisible(!rows.isEmpty());
        chart.getElement().setProperty("innerHTML", rows.isEmpty() ? "" : SvgCharts.leaderboard(rows.stream()
                .limit(BARS).map(row -> new SvgCharts.Bar(row.rank() + ". " + names.label(row.stats().affiliateId()),
                        row.stats().conversions(), row.stats().revenue())).toList()));
    }
}
