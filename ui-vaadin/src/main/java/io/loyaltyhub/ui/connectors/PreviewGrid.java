package io.loyaltyhub.ui.connectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.loyaltyhub.api.erp.BillField;
import io.loyaltyhub.api.erp.PreviewRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first rows a connector would read next, as they would become bills: one column per mapped field and a check
 * column (a tick, or what is wrong in red). Nothing is written by a preview.
 */
public class PreviewGrid extends VerticalLayout {

    final Grid<PreviewRow> grid = new Grid<>();
    final Paragraph empty = new Paragraph("Nothing new to read: every row in the source has been read already.");
    final Paragraph hint = new Paragraph("Press \"Preview\" above to see the next rows.");

    public PreviewGrid() {
        setPadding(false);
        Paragraph intro = new Paragraph("The next rows the connector would read, and what would happen to each. "
                + "Nothing is posted by a preview.");
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)");
        grid.setId("preview-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        empty.setId("preview-empty");
        empty.setVisible(false);
        add(intro, hint, empty, grid);
        clear();
    }

    /** Before a preview: nothing shown but how to get one. */
    public void clear() {
        grid.setItems(List.of());
        grid.setVisible(false);
        empty.setVisible(false);
        hint.setVisible(true);
    }

    public void show(List<PreviewRow> rows) {
        grid.removeAllColumns();
        grid.addColumn(PreviewRow::ref).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> kind(r.kind())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        for (String key : fieldKeys(rows)) {
            grid.addColumn(r -> r.fields() == null ? "" : r.fields().getOrDefault(key, ""))
                    .setHeader(label(key)).setAutoWidth(true);
        }
        // kept in sight while the mapped fields scroll
        grid.addComponentColumn(PreviewGrid::check).setHeader("Check").setWidth("18em").setFlexGrow(1)
                .setFrozenToEnd(true);
        grid.setItems(rows);
        grid.getElement().setAttribute("data-count", String.valueOf(rows.size()));
        hint.setVisible(false);
        empty.setVisible(rows.isEmpty());
        grid.setVisible(!rows.isEmpty());
    }

    /** The mapped fields the rows have, bill fields in their usual order first. */
    static List<String> fieldKeys(List<PreviewRow> rows) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.fields() != null) {
                present.addAll(r.fields().keySet());
            }
        });
        List<String> keys = new ArrayList<>();
        for (BillField f : BillField.values()) {
            if (present.contains(f.name())) {
                keys.add(f.name());
            }
        }
        present.stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    /** A bill field's name for people ("CUSTOMER_MOBILE" -> "Customer mobile"); other keys as they are. */
    static String label(String key) {
        return billField(key).map(BillField::label).orElse(key);
    }

    static String kind(String kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind.strip().toUpperCase(Locale.ROOT)) {
            case "BILL" -> "Bill";
            case "RETURN" -> "Return";
            case "CUSTOMER" -> "Customer";
            default -> ConnectorTexts.words(kind);
        };
    }

    /** "✓ would earn 125 points", or the problems and the outcome. */
    static String checkText(PreviewRow row) {
        String outcome = row.outcome() == null ? "" : row.outcome().strip();
        if (row.ok() && (row.problems() == null || row.problems().isEmpty())) {
            return outcome.isEmpty() ? "✓" : "✓ " + outcome;
        }
        List<String> parts = new ArrayList<>();
        if (row.problems() != null) {
            row.problems().forEach((field, problem) -> parts.add(label(field) + ": " + problem));
        }
        if (!outcome.isEmpty() && !parts.contains(outcome)) {
            parts.add(outcome);
        }
        return parts.isEmpty() ? "Would not be posted" : String.join("; ", parts);
    }

    private static Component check(PreviewRow row) {
        Span text = new Span(checkText(row));
        text.addClassName(row.ok() ? "preview-ok" : "preview-problem");
        text.getStyle().set("color", row.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)")
                .set("white-space", "normal");
        return text;
    }

    private static Optional<BillField> billField(String key) {
        String name = key == null ? "" : key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(BillField.values()).filter(f -> f.name().equals(name)).findFirst();
    }
}
