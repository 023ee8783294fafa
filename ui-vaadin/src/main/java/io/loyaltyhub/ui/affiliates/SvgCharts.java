package io.loyaltyhub.ui.affiliates;

import io.loyaltyhub.api.affiliate.Money;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn on the server as SVG text (no chart library, nothing for the browser to load): the
 * view puts the text into a div. Every text from data is escaped. Colours are Lumo's custom
 * properties, so the charts follow the theme. Shapes carry {@code class} and {@code data-value}
 * attributes for tests.
 */
public final class SvgCharts {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 48;
    private static final int TOP = 30;
    private static final int BOTTOM = 36;
    private static final int MAX_X_LABELS = 8;
    private static final String TEXT_STYLE = "fill:var(--lumo-secondary-text-color,#666);font-size:11px;"
            + "font-family:var(--lumo-font-family,sans-serif)";
    private static final String CLICKS_STYLE = "fill:var(--lumo-primary-color-50pct,#8ab4f8)";
    private static final String CONVERSIONS_STYLE = "stroke:var(--lumo-success-color,#2e7d32);stroke-width:2;fill:none";
    private static final String CONVERSION_DOT_STYLE = "fill:var(--lumo-success-color,#2e7d32)";
    private static final String GRID_STYLE = "stroke:var(--lumo-contrast-10pct,#ddd);stroke-width:1";

    /** One bar of the leaderboard chart. */
    public record Bar(String label, long conversions, Money revenue) {
    }

    private SvgCharts() {
    }

    /**
     * Clicks as bars (left axis) and conversions as a line with dots (right axis, its own scale:
     * conversions are far fewer than clicks), one slot per point, with a legend. Each slot has a
     * tooltip with the day(s), clicks, unique clicks and conversions.
     */
    public static String activity(List<ActivitySeries.Point> points) {
        int n = Math.max(1, points.size());
        long clickMax = niceMax(points.stream().mapToLong(ActivitySeries.Point::clicks).max().orElse(0));
        long convMax = niceMax(points.stream().mapToLong(ActivitySeries.Point::conversions).max().orElse(0));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / n;
        double barW = Math.max(1, slot * 0.6);
        StringBuilder svg = open("Clicks and conversions over time");

        // grid lines and both axes' labels
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, GRID_STYLE));
            svg.append(text(LEFT - 6, y + 4, "end", String.valueOf(clickMax * i / 4), "axis-clicks"));
            svg.append(text(WIDTH - RIGHT + 6, y + 4, "start", String.valueOf(convMax * i / 4), "axis-conversions"));
        }
        // legend
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" style=\"%s\"/>",
                LEFT, CLICKS_STYLE));
        svg.append(text(LEFT + 16, 18, "start", "Clicks (left)", "legend"));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"14\" style=\"%s\"/>",
                LEFT + 110, LEFT + 124, CONVERSIONS_STYLE));
        svg.append(text(LEFT + 128, 18, "start", "Conversions (right)", "legend"));

        int labelStep = (int) Math.ceil((double) n / MAX_X_LABELS);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            ActivitySeries.Point p = points.get(i);
            double x = LEFT + slot * i;
            double h = plotH * p.clicks() / clickMax;
            svg.append("<g class=\"slot\"><title>").append(escape(p.days().label() + ": " + p.clicks() + " clicks ("
                    + p.uniqueClicks() + " unique), " + p.conversions() + " conversions")).append("</title>");
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar-clicks\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"%s\"/>",
                    p.clicks(), x + (slot - barW) / 2, TOP + plotH - h, barW, h, CLICKS_STYLE));
            double cx = x + slot / 2;
            double cy = TOP + plotH - plotH * p.conversions() / convMax;
            svg.append(String.format(Locale.ROOT,
                    "<circle class=\"dot-conversions\" data-value=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" style=\"%s\"/>",
                    p.conversions(), cx, cy, CONVERSION_DOT_STYLE));
            svg.append("</g>");
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", cx, cy));
            if (i % labelStep == 0) {
                svg.append(text(cx, HEIGHT - BOTTOM + 16, "middle", p.days().shortLabel(), "label-x"));
            }
        }
        if (!path.isEmpty()) {
            svg.append("<path class=\"line-conversions\" d=\"").append(path).append("\" style=\"")
                    .append(CONVERSIONS_STYLE).append("\"/>");
        }
        svg.append(line(LEFT, TOP + plotH, WIDTH - RIGHT, TOP + plotH, "stroke:var(--lumo-contrast-30pct,#999)"));
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars, one row per affiliate: conversions (relative to the most) and revenue
     * (relative to the most in the same currency), each with its value.
     */
    public static String leaderboard(List<Bar> bars) {
        int rowH = 36;
        int labelW = 170;
        int valueW = 140;
        int top = 30;
        int height = top + rowH * Math.max(1, bars.size()) + 6;
        double barMax = WIDTH - labelW - valueW - 20;
        long convMax = bars.stream().mapToLong(Bar::conversions).max().orElse(0);
        Map<String, Money> revenueMax = MoneyText.maxByCurrency(bars.stream().map(Bar::revenue).toList());

        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                        + "aria-label=\"Affiliates by conversions and revenue\">", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" style=\"%s\"/>",
                labelW, "fill:var(--lumo-primary-color,#1a73e8)"));
        svg.append(text(labelW + 16, 18, "start", "Conversions", "legend"));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" style=\"%s\"/>",
                labelW + 110, "fill:var(--lumo-success-color,#2e7d32)"));
        svg.append(text(labelW + 126, 18, "start", "Revenue", "legend"));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + rowH * i;
            double convW = convMax <= 0 ? 0 : barMax * b.conversions() / convMax;
            double revW = b.revenue() == null ? 0
                    : barMax * MoneyText.fraction(b.revenue(), revenueMax.get(b.revenue().currency()));
            svg.append("<g class=\"row\"><title>").append(escape(b.label() + ": " + b.conversions()
                    + " conversions, " + MoneyText.format(b.revenue()))).append("</title>");
            svg.append(text(labelW - 8, y + 20, "end", abbreviate(b.label(), 26), "label-y"));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar-conversions\" data-value=\"%d\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"13\" style=\"%s\"/>",
                    b.conversions(), labelW, y + 4, Math.max(convW, b.conversions() > 0 ? 1 : 0),
                    "fill:var(--lumo-primary-color,#1a73e8)"));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar-revenue\" data-value=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"13\" style=\"%s\"/>",
                    escape(b.revenue() == null ? "" : b.revenue().amount().toPlainString()), labelW, y + 19,
                    Math.max(revW, b.revenue() != null && b.revenue().amount().signum() > 0 ? 1 : 0),
                    "fill:var(--lumo-success-color,#2e7d32)"));
            svg.append(text(labelW + barMax + 8, y + 15, "start", String.valueOf(b.conversions()), "value-conversions"));
            svg.append(text(labelW + barMax + 8, y + 30, "start", MoneyText.format(b.revenue()), "value-revenue"));
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The top of an axis from 0 to at least {@code max}, in 4 steps of 1, 2, 2.5 or 5 times a power of ten (4 for nothing). */
    public static long niceMax(long max) {
        if (max <= 0) {
            return 4;
        }
        long rawStep = (max + 3) / 4;
        long magnitude = 1;
        while (magnitude * 10 <= rawStep) {
            magnitude *= 10;
        }
        long step = 10 * magnitude;
        for (long candidate : new long[] {magnitude, 2 * magnitude, magnitude % 2 == 0 ? 5 * magnitude / 2 : 2 * magnitude,
                5 * magnitude}) {
            if (rawStep <= candidate) {
                step = candidate;
                break;
            }
        }
        return step * 4;
    }

    /** Text safe inside SVG/XML elements and attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static StringBuilder open(String label) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">",
                WIDTH, HEIGHT, escape(label)));
    }

    private static String line(double x1, double y1, double x2, double y2, String style) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" style=\"%s\"/>",
                x1, y1, x2, y2, style);
    }

    private static String text(double x, double y, String anchor, String content, String cssClass) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" style=\"%s\">%s</text>",
                cssClass, x, y, anchor, TEXT_STYLE, escape(content));
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
