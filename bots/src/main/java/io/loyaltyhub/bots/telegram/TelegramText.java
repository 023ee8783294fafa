package io.loyaltyhub.bots.telegram;

import org.telegram.telegrambots.meta.api.objects.MessageEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * Flows write WhatsApp-style formatting ({@code *bold*}, {@code _italic_}, {@code ~strike~},
 * {@code ```mono```}). Telegram gets the text without the markers plus {@code entities} (type,
 * offset and length in UTF-16 units, which Java strings are): no parse mode, so nothing in the
 * text ever needs escaping and no text can be refused as badly formatted. A marker counts only
 * around text within one line, opening at the start or after a non-letter and closing before the
 * end or a non-letter, so "2*3*4" and "snake_case_name" stay as they are (as in the admin UI's
 * chat bubbles).
 */
public final class TelegramText {
    private static final String MONO = "```";

    /** The text to send and its formatting. */
    public record Formatted(String text, List<MessageEntity> entities) {
    }

    private TelegramText() {
    }

    public static Formatted format(String marked) {
        String text = marked == null ? "" : marked;
        StringBuilder out = new StringBuilder(text.length());
        List<MessageEntity> entities = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith(MONO, i)) {
                int end = text.indexOf(MONO, i + MONO.length());
                if (end > i + MONO.length()) {
                    String inner = text.substring(i + MONO.length(), end);
                    entities.add(entity(inner.indexOf('\n') >= 0 ? "pre" : "code", out.length(), inner.length()));
                    out.append(inner);
                    i = end + MONO.length();
                    continue;
                }
            }
            char c = text.charAt(i);
            String type = typeOf(c);
            if (type != null && opensAt(text, i)) {
                int end = closing(text, i);
                if (end > 0) {
                    String inner = text.substring(i + 1, end);
                    entities.add(entity(type, out.length(), inner.length()));
                    out.append(inner);
                    i = end + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return new Formatted(out.toString(), entities);
    }

    private static MessageEntity entity(String type, int offset, int length) {
        return MessageEntity.builder().type(type).offset(offset).length(length).build();
    }

    private static String typeOf(char c) {
        return switch (c) {
            case '*' -> "bold";
            case '_' -> "italic";
            case '~' -> "strikethrough";
            default -> null;
        };
    }

    private static boolean opensAt(String text, int i) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return false;
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(i + 1);
        return !Character.isWhitespace(next) && next != text.charAt(i);
    }

    /** The index of the marker closing the one at {@code open} on the same line, or -1. */
    private static int closing(String text, int open) {
        char mark = text.charAt(open);
        for (int j = open + 2; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return -1;
            }
            if (c == mark && !Character.isWhitespace(text.charAt(j - 1))
                    && (j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }
}
