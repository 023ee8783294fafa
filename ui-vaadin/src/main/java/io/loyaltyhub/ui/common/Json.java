package io.loyaltyhub.ui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for people: display helpers for the snapshots in the audit log and event payloads, and
 * reading and writing the small JSON objects staff edit (earning-rule params).
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    /**
     * A JSON object as a map (keys in order; numbers as Integer, Long, BigInteger or BigDecimal);
     * blank text is an empty object.
     *
     * @throws IllegalArgumentException with a message for people when the text is not a JSON object
     */
    public static Map<String, Object> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        String t = text.trim();
        if (!t.startsWith("{")) {
            throw new IllegalArgumentException("Write a JSON object, e.g. {\"pointsPerUnit\": 1}.");
        }
        try {
            return MAPPER.readValue(t, OBJECT);
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage();
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new IllegalArgumentException("Not valid JSON" + (line > 0 ? " (line " + line + ")" : "") + ": "
                    + abbreviate(detail, 120), e);
        }
    }

    /** Compact JSON of maps, lists, strings, numbers and booleans; "" for null. */
    public static String write(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
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
