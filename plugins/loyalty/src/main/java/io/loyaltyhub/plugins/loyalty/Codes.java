package io.loyaltyhub.plugins.loyalty;

import java.security.SecureRandom;

/** Random codes people read aloud and type: no 0/O, 1/I/L; 31 symbols, about 5 bits each. */
public final class Codes {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    /**
     * A personal referral code: 6 symbols (about 30 bits, checked for uniqueness when stored) with at least one
     * digit and one letter, so a code typed alone in a chat can be told from a word.
     */
    static String referral() {
        while (true) {
            String r = random(REFERRAL_LENGTH);
            if (r.chars().anyMatch(Character::isDigit) && r.chars().anyMatch(Character::isLetter)) {
                return r;
            }
        }
    }

    static final int REFERRAL_LENGTH = 6;

    /** Whether {@code text} (upper case) has the shape of a referral code. */
    public static boolean isReferralShaped(String text) {
        if (text.length() != REFERRAL_LENGTH) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        for (char c : text.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return false;
            }
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        return digit && letter;
    }

    /** A voucher code: 12 symbols (about 59 bits) shown as XXXX-XXXX-XXXX, so it cannot be guessed. */
    static String voucher() {
        String r = random(12);
        return r.substring(0, 4) + "-" + r.substring(4, 8) + "-" + r.substring(8);
    }
}
