package io.loyaltyhub.plugins.affiliates.chat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an affiliate types, checked and tidied before it reaches the service. */
final class Inputs {
    static final int NAME_MAX = 60;
    static final int PAYOUT_MIN = 3;
    static final int PAYOUT_MAX = 500;
    static final int CAMPAIGN_MAX = 100;
    static final int URL_MAX = 2000;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’\\-]*");
    /** A UPI id alone (name@bank), stored as "UPI: name@bank" so the manager knows what it is. */
    private static final Pattern UPI = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{1,255}@[A-Za-z][A-Za-z0-9]{1,63}");
    private static final Pattern SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.\\-]*://.*");
    private static final Pattern HOST_LIKE = Pattern.compile("(?i)[a-z0-9\\-]+(\\.[a-z0-9\\-]+)+([/?#:].*)?");

    private Inputs() {
    }

    private static String tidy(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    /** A person's name: letters (any script) with spaces, dots, hyphens and apostrophes, up to 60 characters. */
    static Optional<String> name(String text) {
        String n = tidy(text);
        if (n.isEmpty() || n.length() > NAME_MAX || !NAME.matcher(n).matches()) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /** Where to pay: a UPI id or bank details, 3-500 characters with a letter or digit in them. */
    static Optional<String> payoutDetails(String text) {
        String d = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (d.length() < PAYOUT_MIN || d.length() > PAYOUT_MAX || d.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        return Optional.of(UPI.matcher(d).matches() ? "UPI: " + d : d);
    }

    /** A campaign name: any text of 1-100 characters on one line. */
    static Optional<String> campaign(String text) {
        String c = tidy(text);
        if (c.isEmpty() || c.length() > CAMPAIGN_MAX || c.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    /**
     * A web address as typed: one word, {@code https://} added when it starts with a host name
     * ("shop.example.com/diwali"). Whether a link may point there is the service's decision.
     */
    static Optional<String> url(String text) {
        String u = text == null ? "" : text.strip();
        if (u.isEmpty() || u.length() > URL_MAX || u.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        if (SCHEME.matcher(u).matches()) {
            return Optional.of(u);
        }
        return HOST_LIKE.matcher(u).matches() ? Optional.of("https://" + u) : Optional.empty();
    }

    /** How the leaderboard shows someone else: the first name and the last name's initial ("Priya S."). */
    static String shortName(String name) {
        String n = tidy(name);
        if (n.isEmpty()) {
            return "";
        }
        String[] parts = n.split(" ");
        if (parts.length == 1) {
            return parts[0];
        }
        String last = parts[parts.length - 1];
        return parts[0] + " " + last.substring(0, last.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".";
    }
}
