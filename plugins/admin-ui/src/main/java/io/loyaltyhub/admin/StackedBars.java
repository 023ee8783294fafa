package io.loyaltyhub.admin;

import com.vaadin.flow.component.html.Div;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal stacked bar chart drawn on the server as SVG (no chart library, nothing for the browser to load): one
 * bar per row, one coloured segment per series, a legend on top, the total at the end of each bar. Text from data is
 * escaped; colours are Lumo's custom properties, so the chart follows the theme. Segments carry {@code class} and
 * {@code data-value} for tests.
 */
public final class StackedBars {
    private static final int WIDTH = 760;
    private static final int ROW = 26;
    private static final int LABEL = 210;
    private static final int TOP = 34;
    private static final String[] COLOURS = {"var(--lumo-primary-color,#1676f3)", "var(--lumo-success-color,#2e7d32)",
            "var(--lumo-primary-color-50pct,#8ab4f8)", "var(--lumo-error-color,#d32f2f)",
            "var(--lumo-warning-color,#f9a825)", "var(--lumo-contrast-40pct,#999)"};

    /** One bar: a label and a value per series, in the order of the series. */
    public record Row(String label, List<Long> values) {
    }

    private final List<String> series;
    private final List<Row> rows = new ArrayList<>();

    public StackedBars(List<String> series) {
        if (series.size() > COLOURS.length) {
            throw new IllegalArgumentException("at most " + COLOURS.length + " series");
        }
        this.series = List.copyOf(series);
    }

    public StackedBars row(String label, List<Long> values) {
        rows.add(new Row(label, List.copyOf(values)));
        return this;
    }

    /** The chart as SVG text. */
    public String svg() {
        long max = Math.max(1, rows.stream().mapToLong(r -> r.values().stream().mapToLong(Long::longValue).sum()).max()
                .orElse(1));
        int height = TOP + rows.size() * ROW + 8;
        double scale = (WIDTH - LABEL - 60) / (double) max;
        StringBuilder s = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' role='img' viewBox='0 0 " + WIDTH
                + " " + height + "' width='100%' style='max-width:" + WIDTH + "px;font-family:var(--lumo-font-family,"
                + "sans-serif);font-size:12px'>");
        int x = 0;
        for (int i = 0; i < series.size(); i++) {
            s.append("<rect x='").append(x).append("' y='6' width='12' height='12' style='fill:").append(COLOURS[i])
                    .append("'/><text x='").append(x + 16).append("' y='16' style='fill:var(--lumo-body-text-color,#222)'>")
                    .append(escape(series.get(i))).append("</text>");
            x += 24 + series.get(i).length() * 7;
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = TOP + r * ROW;
            s.append("<text x='").append(LABEL - 8).append("' y='").append(y + 15)
                    .append("' text-anchor='end' style='fill:var(--lumo-secondary-text-color,#555)'>")
                    .append(escape(row.label())).append("</text>");
            double at = LABEL;
            long total = 0;
            for (int i = 0; i < series.size() && i < row.values().size(); i++) {
                long v = row.values().get(i);
                total += v;
                double w = v * scale;
                if (v > 0) {
                    s.append("<rect class='segment' data-series='").append(escape(series.get(i))).append("' data-value='")
                            .append(v).append("' x='").append(fmt(at)).append("' y='").append(y + 3).append("' width='")
                            .append(fmt(Math.max(w, 1))).append("' height='").append(ROW - 8).append("' style='fill:")
                            .append(COLOURS[i]).append("'><title>").append(escape(series.get(i))).append(": ").append(v)
                            .append("</title></rect>");
                }
                at += w;
            }
            s.append("<text x='").append(fmt(at + 6)).append("' y='").append(y + 15)
                    .append("' style='fill:var(--lumo-body-text-color,#222)'>").append(total).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** The chart in a div, ready to add to a view. */
    public Div component() {
        Div div = new Div();
        div.getElement().setProperty("innerHTML", svg());
        div.setWidthFull();
        return div;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
                .replace("\"", "&quot;");
    }
}
