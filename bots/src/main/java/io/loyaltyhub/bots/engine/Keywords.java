package io.loyaltyhub.bots.engine;

import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The global keywords (menu, help, stop, start) in every language at once, from the engine's
 * bundles: someone who switched to Hindi may still type "menu", and "STOP" must always work.
 */
final class Keywords {
    private final Map<String, Intent> byWord = new HashMap<>();

    Keywords(List<String> languages) {
        for (String language : languages) {
            BundleTexts texts = new BundleTexts("chat/engine", language, Keywords.class.getClassLoader());
            for (Intent intent : List.of(Intent.MENU, Intent.HELP, Intent.STOP, Intent.START,
                    Intent.STOP_OFFERS, Intent.START_OFFERS)) {
                String words = texts.raw("keywords." + intent.name().toLowerCase(Locale.ROOT));
                if (words == null) {
                    continue;
                }
                for (String w : words.split(",")) {
                    if (!w.isBlank()) {
                        byWord.putIfAbsent(normalise(w), intent);
                    }
                }
            }
        }
    }

    /** The intent of a typed message that is exactly a keyword (ignoring case, spaces and end punctuation). */
    Intent of(Inbound input) {
        if (input.kind() != Inbound.Kind.TEXT) {
            return Intent.NONE;
        }
        return byWord.getOrDefault(normalise(input.text()), Intent.NONE);
    }

    static String normalise(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return t.replaceAll("[.!?।]+$", t.equals("?") ? "?" : "").strip();
    }
}
