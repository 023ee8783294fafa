package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.loyaltyhub.admin.StackedBars;
import io.loyaltyhub.api.erp.RunInfo;
import io.loyaltyhub.ui.common.Times;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A connector's runs, newest first: a progress bar while one is going, a chart of what the last runs posted and
 * refused, and the log.
 */
public class RunsPanel extends VerticalLayout {

    /** How many runs the log shows. */
    static final int LIMIT = 50;
    /** How many runs the chart shows. */
    static final int CHART_RUNS = 12;
    static final List<String> CHART_SERIES = List.of("Duplicates", "Posted", "Returns", "Rejected");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd MMM HH:mm",
            java.util.Locale.ENGLISH);

    final Div live = new Div();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div chart = new Div();
    final Grid<RunInfo> grid = new Grid<>();
    final Paragraph empty = new Paragraph("No runs yet. A running connector checks the source on its own; "
            + "\"Run now\" checks at once.");
    private Instant now = Instant.now();

    public RunsPanel() {
        setPadding(false);
        setId("runs-panel");
        progress.setId("run-progress");
        progressText.setId("run-progress-text");
        live.setId("run-live");
        live.setWidthFull();
        live.add(progress, progressText);
        live.setVisible(false);

        chart.setId("runs-chart");
        chart.setWidth("min(48em, 100%)");

        grid.setId("runs-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> ConnectorTexts.runKind(r.kind())).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(r -> ConnectorTexts.runStatus(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> Times.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(r -> ConnectorTexts.runDuration(r, now)).setHeader("Took").setAutoWidth(true);
        number("Rows read", RunInfo::rowsRead);
        number("Posted", RunInfo::billsPosted);
        number("Duplicates", RunInfo::duplicates);
        number("Rejected", RunInfo::rejected);
        number("Returns", RunInfo::reversals);
        grid.addColumn(r -> r.lagSeconds() == null ? ConnectorTexts.NONE : ConnectorTexts.lag(r.lagSeconds()))
                .setHeader("Behind by").setAutoWidth(true);
        grid.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Problem").setFlexGrow(1)
                .setTooltipGenerator(r -> r.error() == null ? "" : r.error());
        grid.setHeight("24em");
        empty.setId("runs-empty");
        add(live, empty, new H4("Last runs"), chart, new H4("Run log"), grid);
    }

    private void number(String header, ToLongFunction<RunInfo> value) {
        grid.addColumn(r -> ConnectorTexts.number(value.applyAsLong(r))).setHeader(header).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }

    /** Shows the runs (newest first); a running one gets the progress bar. */
    public void show(List<RunInfo> runs, Instant now) {
        this.now = now;
        grid.setItems(runs);
        grid.getElement().setAttribute("data-count", String.valueOf(runs.size()));
        empty.setVisible(runs.isEmpty());
        chart.getElement().setProperty("innerHTML", runs.isEmpty() ? "" : chart(runs).svg());
        Optional<RunInfo> running = runs.stream().filter(ConnectorTexts::running).findFirst();
        live.setVisible(running.isPresent());
        running.ifPresent(r -> {
            double fraction = ConnectorTexts.progressFraction(r);
            progress.setIndeterminate(fraction < 0);
            if (fraction >= 0) {
                progress.setValue(fraction);
            }
            progressText.setText(ConnectorTexts.runKind(r.kind()) + ": " + ConnectorTexts.progress(r));
        });
    }

    /** Whether the runs shown include one still going. */
    public boolean anyRunning() {
        return live.isVisible();
    }

    /** Duplicates, posted, returns and rejected rows of the last runs (by start time), oldest at the top. */
    static StackedBars chart(List<RunInfo> newestFirst) {
        StackedBars bars = new StackedBars(CHART_SERIES);
        List<RunInfo> last = new ArrayList<>(newestFirst.subList(0, Math.min(CHART_RUNS, newestFirst.size())));
        java.util.Collections.reverse(last);
        for (RunInfo r : last) {
            String label = r.startedAt() == null ? "" : SHORT.format(r.startedAt().atZone(Times.zone()));
            bars.row(label, List.of(r.duplicates(), r.billsPosted(), r.reversals(), r.rejected()));
        }
        return bars;
    }
}
