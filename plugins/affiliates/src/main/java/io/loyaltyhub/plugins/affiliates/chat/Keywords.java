package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.chat.Texts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words affiliates type, from the flow's bundles in every language at once: Telegram commands
 * ({@code /links}, {@code /stats}, ...), task words ("links", "कमीशन") and menu numbers, yes/no/skip answers,
 * language names, and the deep link's {@code /start <invite>}. Matched as the whole message, ignoring case,
 * spaces and punctuation at the ends (so {@code /links} is "links").
 */
final class Keywords {
    /** {@code /start}, {@code /start@Bot} or {@code /start PAYLOAD} (the payload as Telegram allows: A-Z a-z 0-9 _ -). */
    private static final Pattern START = Pattern.compile("(?i)/start(?:@[A-Za-z0-9_]+)?(?:\\s+(\\S.*))?");
    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");

    private final Map<Task, Set<String>> tasks = new EnumMap<>(Task.class);
    private final Set<String> yes = new HashSet<>();
    private final Set<String> no = new HashSet<>();
    private final Set<String> skip = new HashSet<>();
    private final Map<String, String> languages = new LinkedHashMap<>();

    Keywords(List<Texts> bundles, List<String> languageCodes) {
        for (Task task : Task.values()) {
            tasks.computeIfAbsent(task, k -> new HashSet<>()).add(normalise(task.command()));
        }
        for (Texts t : bundles) {
            for (Task task : Task.values()) {
                tasks.get(task).addAll(words(t, task.keywordsKey()));
            }
            yes.addAll(words(t, "keywords.yes"));
            no.addAll(words(t, "keywords.no"));
            skip.addAll(words(t, "keywords.skip"));
            for (String code : languageCodes) {
                for (String w : words(t, "keywords.language." + code)) {
                    languages.putIfAbsent(w, code);
                }
                languages.putIfAbsent(normalise(t.get("language.name." + code)), code);
            }
        }
    }

    private static List<String> words(Texts t, String key) {
        List<String> out = new ArrayList<>();
        for (String w : t.get(key).split(",")) {
            String n = normalise(w);
            if (!n.isEmpty() && !n.startsWith("[")) {
                out.add(n);
            }
        }
        return out;
    }

    /** Lower case, one space between words, no punctuation or symbols at the ends, Unicode composed (NFC). */
    static String normalise(String text) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).strip()
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return t.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
    }

    /** The task a typed message asks for: a command, a menu number or a task word, as the whole message. */
    Optional<Task> task(String text) {
        String n = normalise(text);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (NUMBER.matcher(n).matches()) {
            return Task.byNumber(Integer.parseInt(n));
        }
        for (Task task : Task.values()) {
            if (tasks.get(task).contains(n)) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    /** A Telegram command ("/stats"): it leaves a step that waits for typed input (a campaign name, an address). */
    static boolean isCommand(String text) {
        return text != null && text.strip().startsWith("/");
    }

    /** Whether the message is {@code /start}, with or without a payload. */
    static boolean isStart(String text) {
        return text != null && START.matcher(text.strip()).matches();
    }

    /** The invite code of a deep link's {@code /start <invite>}, if the message is one with a well-formed payload. */
    static Optional<String> invite(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = START.matcher(text.strip());
        if (!m.matches() || m.group(1) == null) {
            return Optional.empty();
        }
        String payload = m.group(1).strip();
        return PAYLOAD.matcher(payload).matches() ? Optional.of(payload) : Optional.empty();
    }

    boolean isYes(String text) {
        return yes.contains(normalise(text));
    }

    boolean isNo(String text) {
        return no.contains(normalise(text));
    }

    boolean isSkip(String text) {
        return skip.contains(normalise(text));
    }

    /** The language a message names by itself ("English", "हिंदी"), if it does. */
    Optional<String> language(String text) {
        return Optional.ofNullable(languages.get(normalise(text)));
    }
}
