package io.loyaltyhub.plugins.loyalty.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a customer can do from the menu, in menu order (1-9), with its menu choice id and keywords key. */
enum Task {
    POINTS("m:points", "points"),
    REWARDS("m:rewards", "rewards"),
    VOUCHERS("m:vouchers", "vouchers"),
    HISTORY("m:history", "history"),
    KIDS("m:kids", "kids"),
    REFER("m:refer", "refer"),
    LANGUAGE("m:lang", "language"),
    HELP("m:help", "help"),
    /** Stop messages, or resume them when stopped (m:stop / m:start; the typed words are the engine's STOP/START). */
    MESSAGES("m:stop", null);

    /**
     * The order in which a message naming several tasks is read: the more specific first, so "redeem points"
     * is rewards, "points history" history and "referral code" refer.
     */
    static final List<Task> BY_PRIORITY = List.of(REFER, VOUCHERS, REWARDS, HISTORY, KIDS, LANGUAGE, HELP, POINTS);

    final String choice;
    private final String words;

    Task(String choice, String words) {
        this.choice = choice;
        this.words = words;
    }

    /** Its number in the menu, 1-9. */
    int number() {
        return ordinal() + 1;
    }

    static Optional<Task> byNumber(int n) {
        return n >= 1 && n <= values().length ? Optional.of(values()[n - 1]) : Optional.empty();
    }

    static Optional<Task> byChoice(String id) {
        if (id.equals("m:start")) {
            return Optional.of(MESSAGES);
        }
        return Arrays.stream(values()).filter(t -> t.choice.equals(id)).findFirst();
    }

    /** The bundle key of its keywords, or null if it has none. */
    String keywordsKey() {
        return words == null ? null : "keywords." + words;
    }

    /** The bundle key prefix of its menu row ({@code menu.points}, {@code menu.points.desc}). */
    String menuKey() {
        return "menu." + (words == null ? "stop" : words);
    }
}
