package io.loyaltyhub.plugins.affiliates.chat;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an approved affiliate can do from the menu, in menu order (typed numbers 1-7 work too), with its choice
 * id, its Telegram command ({@code /links}, ...) and the bundle keys of its words and its menu row.
 */
enum Task {
    LINKS("a:links", "links"),
    STATS("a:stats", "stats"),
    COMMISSIONS("a:comm", "commissions"),
    PAYOUT("a:payout", "payout"),
    LEADERBOARD("a:board", "leaderboard"),
    LANGUAGE("a:lang", "language"),
    HELP("a:help", "help");

    final String choice;
    private final String words;

    Task(String choice, String words) {
        this.choice = choice;
        this.words = words;
    }

    /** Its number in the menu, 1-7. */
    int number() {
        return ordinal() + 1;
    }

    /** The Telegram command for it, e.g. {@code /links}. */
    String command() {
        return "/" + words;
    }

    static Optional<Task> byNumber(int n) {
        return n >= 1 && n <= values().length ? Optional.of(values()[n - 1]) : Optional.empty();
    }

    static Optional<Task> byChoice(String id) {
        return Arrays.stream(values()).filter(t -> t.choice.equals(id)).findFirst();
    }

    /** The bundle key of the words that ask for it (the command without its slash is always one). */
    String keywordsKey() {
        return "keywords." + words;
    }

    /** The bundle key of its menu row. */
    String menuKey() {
        return "menu." + words;
    }
}
