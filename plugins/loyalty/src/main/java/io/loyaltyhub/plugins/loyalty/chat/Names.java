package io.loyaltyhub.plugins.loyalty.chat;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/** A person's name typed in a chat: letters (any script) with spaces, dots, hyphens and apostrophes. */
final class Names {
    static final int MAX = 60;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’\\-]*");

    private Names() {
    }

    /** The name tidied (spaces collapsed), or empty when it is not one. */
    static Optional<String> clean(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (n.isEmpty() || n.length() > MAX || !NAME.matcher(n).matches()) {
            return Optional.empty();
        }
        return Optional.of(n);
    }
}
