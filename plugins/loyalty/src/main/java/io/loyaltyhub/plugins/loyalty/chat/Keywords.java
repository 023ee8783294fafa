package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Texts;
import io.loyaltyhub.plugins.loyalty.Codes;

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
import java.util.regex.Pattern;

/**
 * The words customers type, from the flow's bundles in every language at once (someone chatting in
 * English may type बैलेंस): tasks ("points", "इनाम", or a menu number), yes/no/skip answers, language
 * names, and a friend's referral code ("JOIN AB3CD7", or the code alone).
 */
final class Keywords {
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,2})\\s*[.)]?");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,12}");

    private final Map<Task, List<String>> tasks = new EnumMap<>(Task.class);
    private final Set<String> yes = new HashSet<>();
    private final Set<String> no = new HashSet<>();
    private final Set<String> skip = new HashSet<>();
    private final Set<String> join = new HashSet<>();
    private final Map<String, String> languages = new LinkedHashMap<>();

    /**
     * @param bundles  the flow's texts in every language it has
     * @param languages the language codes with a {@code keywords.language.<code>} list
     */
    Keywords(List<Texts> bundles, List<String> languageCodes) {
        for (Texts t : bundles) {
            for (Task task : Task.values()) {
                if (task.keywordsKey() != null) {
                    tasks.computeIfAbsent(task, k -> new ArrayList<>()).addAll(words(t, task.keywordsKey()));
                }
            }
            yes.addAll(words(t, "keywords.yes"));
            no.addAll(words(t, "keywords.no"));
            skip.addAll(words(t, "keywords.skip"));
            join.addAll(words(t, "keywords.join"));
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

    /** Lower case, one space between words, no punctuation at the ends, Unicode composed (NFC). */
    static String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return t.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
    }

    /** The task a typed message asks for: a menu number, a keyword as the whole message, or a keyword in it. */
    Optional<Task> task(String text) {
        String n = normalise(text);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        var number = NUMBER.matcher(BirthdayParser.asciiDigits(n));
        if (number.matches()) {
            return Task.byNumber(Integer.parseInt(number.group(1)));
        }
        for (Task task : Task.BY_PRIORITY) {
            if (tasks.getOrDefault(task, List.of()).contains(n)) {
                return Optional.of(task);
            }
        }
        String padded = " " + String.join(" ", WORD_BREAK.split(n)) + " ";
        for (Task task : Task.BY_PRIORITY) {
            for (String w : tasks.getOrDefault(task, List.of())) {
                if (padded.contains(" " + String.join(" ", WORD_BREAK.split(w)) + " ")) {
                    return Optional.of(task);
                }
            }
        }
        return Optional.empty();
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

    /** A friend's referral code in a message: after the join word ("JOIN AB3CD7"), or a code-shaped word alone. */
    Optional<String> referralCode(String text) {
        String[] words = WORD_BREAK.split(Normalizer.normalize(text, Normalizer.Form.NFC).strip());
        for (int i = 0; i + 1 < words.length; i++) {
            String next = words[i + 1].toUpperCase(Locale.ROOT);
            if (join.contains(words[i].toLowerCase(Locale.ROOT)) && CODE.matcher(next).matches()) {
                return Optional.of(next);
            }
        }
        for (String w : words) {
            String up = w.toUpperCase(Locale.ROOT);
            if (Codes.isReferralShaped(up)) {
                return Optional.of(up);
            }
        }
        return Optional.empty();
    }
}
