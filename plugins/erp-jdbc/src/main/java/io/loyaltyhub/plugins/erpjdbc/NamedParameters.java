package io.loyaltyhub.plugins.erpjdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query with {@code :name} parameters, as staff write it in the settings, turned into JDBC's {@code ?} placeholders.
 * JDBC itself has only positional parameters, and the same value ({@code :watermark}) is often needed twice.
 * <p>
 * Not a parameter: {@code ::} (PostgreSQL's cast, {@code created::date}), a colon not followed by a letter or
 * {@code _} ({@code :=}, {@code a[1:2]}), and anything inside single-quoted strings ({@code '10:30'}, with
 * {@code ''} as the quote inside), double-quoted or back-quoted identifiers, {@code --} line comments and
 * {@code /* *}{@code /} block comments. A backslash does not escape a quote (as in standard SQL, PostgreSQL and
 * SQL Server).
 */
final class NamedParameters {

    /** The SQL text and its values in placeholder order, ready for a {@link java.sql.PreparedStatement}. */
    record Bound(String sql, List<Object> values) {
    }

    private final String original;
    /** {@code names.size() + 1} pieces of text around the parameters. */
    private final List<String> texts;
    private final List<String> names;

    private NamedParameters(String original, List<String> texts, List<String> names) {
        this.original = original;
        this.texts = List.copyOf(texts);
        this.names = List.copyOf(names);
    }

    static NamedParameters parse(String sql) {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i + 1, c);
                text.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                text.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                text.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                text.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && nameStart(sql.charAt(i + 1))) {
                int end = i + 2;
                while (end < n && namePart(sql.charAt(end))) {
                    end++;
                }
                texts.add(text.toString());
                text.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
            } else {
                text.append(c);
                i++;
            }
        }
        texts.add(text.toString());
        return new NamedParameters(sql, texts, names);
    }

    /** The index after the quote closing a quoted run that starts at {@code from}; a doubled quote stays inside. */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean namePart(char c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }

    /** The distinct parameter names, in order of first use. */
    Set<String> names() {
        return new LinkedHashSet<>(names);
    }

    String original() {
        return original;
    }

    /**
     * Replaces each parameter by {@code ?}, or by {@code ?, ?, ?} for a collection value (an empty collection becomes
     * one {@code ?} bound to NULL, so {@code IN (:bills)} matches nothing and still parses).
     *
     * @throws IllegalArgumentException naming the first parameter without a value
     */
    Bound bind(Map<String, ?> values) {
        StringBuilder sql = new StringBuilder(texts.get(0));
        List<Object> bound = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(":" + name);
            }
            Object value = values.get(name);
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    sql.append('?');
                    bound.add(null);
                } else {
                    int j = 0;
                    for (Object v : many) {
                        sql.append(j++ == 0 ? "?" : ", ?");
                        bound.add(v);
                    }
                }
            } else {
                sql.append('?');
                bound.add(value);
            }
            sql.append(texts.get(k + 1));
        }
        return new Bound(sql.toString(), java.util.Collections.unmodifiableList(bound));
    }
}
