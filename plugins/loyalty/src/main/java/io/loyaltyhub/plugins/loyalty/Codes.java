package io.loyaltyhub.plugins.loyalty;

import java.security.SecureRandom;

/** Random codes people read aloud and type: no 0/O, 1/I/L; 32 symbols, 5 bits each. */
final class Codes {
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

    /** A voucher code: 12 symbols (about 59 bits) shown as XXXX-XXXX-XXXX, so it cannot be guessed. */
    static String voucher() {
        String r = random(12);
        return r.substring(0, 4) + "-" + r.substring(4, 8) + "-" + r.substring(8);
    }
}
