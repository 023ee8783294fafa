package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.loyaltyhub.api.erp.ErpConnectors;
import io.loyaltyhub.api.erp.RejectInfo;
import io.loyaltyhub.ui.common.ErrorText;
import io.loyaltyhub.ui.common.Times;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows a connector could not post, open ones first; a click shows the row's columns. Staff fix the data in the
 * ERP or the mapping, then retry the selected rows or every open one.
 */
public class RejectsPanel extends VerticalLayout {

    static final int LIMIT = 200;

    private final transient ErpConnectors connectors;
    private final transient ConnectorCalls calls;
    private final Runnable afterRetry;
    final Grid<RejectInfo> grid = new Grid<>();
    final Button retrySelected = new Button("Retry selected");
    final Button retryAll = new Button("Retry all open");
    final Paragraph empty = new Paragraph("No rejected rows. Every row read so far was posted or was already there.");
    final ErrorText error = new ErrorText("rejects-error");
    private long connectorId;
    private long open = -1;

    /** @param afterRetry what else to refresh after a retry (the runs) */
    RejectsPanel(ErpConnectors connectors, ConnectorCalls calls, Runnable afterRetry) {
        this.connectors = connectors;
        this.calls = calls;
        this.afterRetry = afterRetry;
        setPadding(false);
        setId("rejects-panel");
        Paragraph intro = new Paragraph("Rows that could not be posted. They never hold up the rows after them. "
                + "Fix the data in the ERP or the column mapping, then retry. Click a row to see what was read.");
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.setId("rejects-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RejectInfo::rowRef).setHeader("Row").setAutoWidth(true);
        grid.addColumn(r -> r.billNumber() == null ? "" : r.billNumber()).setHeader("Bill number").setAutoWidth(true);
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader("Reason").setWidth("22em").setFlexGrow(1)
                .setTooltipGenerator(r -> r.reason() == null ? "" : r.reason());
        grid.addColumn(RejectInfo::attempts).setHeader("Tries").setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> status(r.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> Times.format(r.createdAt())).setHeader("Rejected at").setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(RejectsPanel::details));
        grid.setDetailsVisibleOnClick(true);
        grid.asMultiSelect().addValueChangeListener(e -> updateButtons());
        grid.setHeight("24em");

        retrySelected.setId("rejects-retry-selected");
        retrySelected.addClickListener(e -> retry(true));
        retryAll.setId("rejects-retry-all");
        retryAll.addClickListener(e -> retry(false));
        empty.setId("rejects-empty");
        add(intro, new HorizontalLayout(retrySelected, retryAll), error, empty, grid);
    }

    /** Reads the connector's rejects again. */
    public void load(long connectorId) {
        this.connectorId = connectorId;
        calls.call(() -> connectors.rejects(connectorId, false, LIMIT), error::show).ifPresent(this::show);
    }

    void show(List<RejectInfo> rejects) {
        error.clear();
        grid.deselectAll();
        grid.setItems(rejects);
        open = rejects.stream().filter(RejectsPanel::isOpen).count();
        grid.getElement().setAttribute("data-count", String.valueOf(rejects.size()));
        grid.getElement().setAttribute("data-open", String.valueOf(open));
        empty.setVisible(rejects.isEmpty());
        updateButtons();
    }

    /** Open rows among those shown. */
    long openCount() {
        return open;
    }

    private void updateButtons() {
        boolean write = calls.mayWrite();
        retrySelected.setVisible(write);
        retryAll.setVisible(write);
        retrySelected.setEnabled(grid.getSelectedItems().stream().anyMatch(RejectsPanel::isOpen));
        retryAll.setEnabled(open > 0);
    }

    void retry(boolean selectedOnly) {
        error.clear();
        if (!calls.mayWrite()) {
            error.show("Your role may not retry rejected rows.");
            return;
        }
        List<Long> ids = selectedOnly
                ? grid.getSelectedItems().stream().filter(RejectsPanel::isOpen).map(RejectInfo::id).toList()
                : List.of();
        long asked = selectedOnly ? ids.size() : open;
        if (asked == 0) {
            error.show(selectedOnly ? "Select open rows to retry." : "There are no open rows to retry.");
            return;
        }
        calls.call(() -> connectors.retry(calls.requireActor(), connectorId, ids), error::show).ifPresent(resolved -> {
            calls.success.accept(retried(resolved, asked));
            load(connectorId);
            afterRetry.run();
        });
    }

    /** "3 of 4 rows posted now; 1 is still refused (see its reason)." */
    static String retried(long resolved, long asked) {
        long still = Math.max(0, asked - resolved);
        String done = resolved + " of " + asked + (asked == 1 ? " row" : " rows") + " posted now";
        if (still == 0) {
            return done + ".";
        }
        return done + "; " + still + (still == 1 ? " is" : " are") + " still refused (see the reason).";
    }

    static boolean isOpen(RejectInfo r) {
        return "OPEN".equalsIgnoreCase(r.status());
    }

    static String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status.toUpperCase(java.util.Locale.ROOT)) {
            case "OPEN" -> "Waiting";
            case "RESOLVED" -> "Posted on retry";
            default -> ConnectorTexts.words(status);
        };
    }

    /** The row's columns, one per line; a bill's lines below them. */
    static String rowText(Map<String, Object> row) {
        if (row == null || row.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        row.forEach((column, value) -> {
            if (!"lines".equals(column)) {
                out.append(column).append(": ").append(value == null ? "" : value).append('\n');
            }
        });
        if (row.get("lines") instanceof List<?> lines && !lines.isEmpty()) {
            out.append("Lines:\n");
            int n = 1;
            for (Object line : lines) {
                String text = line instanceof Map<?, ?> m
                        ? m.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining(", "))
                        : String.valueOf(line);
                out.append("  ").append(n++).append(". ").append(text).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static Component details(RejectInfo reject) {
        Pre text = new Pre(rowText(reject.row()));
        text.addClassName("reject-row");
        text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        return new Div(text);
    }
}
