package io.loyaltyhub.ui.common;

/** Display helpers for the JSON snapshots in the audit log and event payloads. */
public final class Json {

    private Json() {
    }

    /** At most {@code max} characters, with "…" when cut; "" for null. */
    public static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** JSON indented two spaces per level (string contents left alone); other text unchanged. */
    public static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        String t = json.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return json;
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    out.append(c);
                    char next = i + 1 < t.length() ? t.charAt(i + 1) : 0;
                    if (next == '}' || next == ']') {
                        out.append(next);
                        i++;
                    } else {
                        depth++;
                        newline(out, depth);
                    }
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    newline(out, depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                default -> {
                    if (!Character.isWhitespace(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n').append("  ".repeat(depth));
    }
}
