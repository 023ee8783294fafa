package io.loyaltyhub.plugins.erpjdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each query of a source stopped: one part per query, its last watermark and tiebreak, as a short text the host
 * stores (and staff may read on the connector's page), e.g.
 * <pre>b=2024-05-01T10:15:00.123456000|s:INV-0042;r=2024-05-01T09:00:00.000000000|n:17</pre>
 * <ul>
 *   <li>parts are {@code key=watermark|tiebreak}, separated by {@code ;}; the keys are {@code b} (bills),
 *       {@code r} (returns), {@code c} (customers). A missing part means "from the start"; unknown parts are
 *       kept as they are;</li>
 *   <li>the watermark is the watermark column's value as text: an ISO local date-time with all nine fraction digits
 *       (or with an offset, from a column with a time zone), or a plain decimal number;</li>
 *   <li>the tiebreak is typed, so it is bound as the column's own type (an {@code int} bill number column refuses a
 *       text parameter in PostgreSQL): {@code s:} text, {@code n:} a number, empty for none (bound as NULL, which
 *       no row's tiebreak is greater than: the start, and a backfill's cursor);</li>
 *   <li>{@code \}, {@code |} and {@code ;} inside values are escaped with {@code \}.</li>
 * </ul>
 * No JSON: the plugin has no JSON library, and the text stays readable.
 */
final class JdbcCursor {

    /**
     * One query's position.
     *
     * @param watermark the last watermark read, as text
     * @param tiebreak  the last tiebreak at that watermark: a {@link String}, a {@link BigDecimal}, or null (none)
     */
    record Part(String watermark, Object tiebreak) {
        Part {
            Objects.requireNonNull(watermark, "watermark");
            if (tiebreak != null && !(tiebreak instanceof String) && !(tiebreak instanceof BigDecimal)) {
                throw new IllegalArgumentException("a tiebreak is text or a BigDecimal, not " + tiebreak.getClass());
            }
        }
    }

    static final JdbcCursor START = new JdbcCursor(Map.of());

    private final Map<String, Part> parts;

    private JdbcCursor(Map<String, Part> parts) {
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** Null or blank: the start. */
    static JdbcCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        for (List<String> fields : split(text.trim())) {
            String first = fields.get(0);
            int eq = first.indexOf('=');
            if (eq <= 0 || fields.size() > 2) {
                throw new IllegalArgumentException("not a part of the form key=watermark|tiebreak: " + first);
            }
            String key = first.substring(0, eq);
            String watermark = first.substring(eq + 1);
            if (watermark.isEmpty()) {
                throw new IllegalArgumentException("part " + key + " has no watermark");
            }
            String tb = fields.size() == 2 ? fields.get(1) : "";
            Object tiebreak;
            if (tb.isEmpty()) {
                tiebreak = null;
            } else if (tb.startsWith("s:")) {
                tiebreak = tb.substring(2);
            } else if (tb.startsWith("n:")) {
                try {
                    tiebreak = new BigDecimal(tb.substring(2));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("part " + key + " has a tiebreak that is not a number: " + tb);
                }
            } else {
                throw new IllegalArgumentException("part " + key + " has a tiebreak without s: or n: " + tb);
            }
            if (parts.put(key, new Part(watermark, tiebreak)) != null) {
                throw new IllegalArgumentException("part " + key + " appears twice");
            }
        }
        return new JdbcCursor(parts);
    }

    /** Parts of fields, unescaped; a backslash takes the next character as it is. */
    private static List<List<String>> split(String text) {
        List<List<String>> parts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("ends with a lone backslash");
                }
                field.append(text.charAt(i));
            } else if (c == '|') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
                parts.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        parts.add(fields);
        parts.removeIf(f -> f.size() == 1 && f.get(0).isEmpty()); // a trailing or doubled ';'
        return parts;
    }

    /** Null when the query has not read anything yet. */
    Part part(String key) {
        return parts.get(key);
    }

    JdbcCursor with(String key, Part part) {
        Map<String, Part> copy = new LinkedHashMap<>(parts);
        copy.put(key, part);
        return new JdbcCursor(copy);
    }

    boolean isStart() {
        return parts.isEmpty();
    }

    /** The stored text; the empty string for the start. */
    String format() {
        StringBuilder out = new StringBuilder();
        parts.forEach((key, part) -> {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(escape(key)).append('=').append(escape(part.watermark())).append('|');
            if (part.tiebreak() instanceof BigDecimal number) {
                out.append("n:").append(number.toPlainString());
            } else if (part.tiebreak() instanceof String s) {
                out.append("s:").append(escape(s));
            }
        });
        return out.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '|' || c == ';') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcCursor other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}
