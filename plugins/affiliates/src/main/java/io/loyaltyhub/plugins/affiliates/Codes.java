package io.loyaltyhub.plugins.affiliates;

import java.security.SecureRandom;
import java.util.Base64;

/** Random codes: affiliate and link codes people read and type (no 0/O, 1/I/L), and opaque ids. */
final class Codes {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An affiliate's code: 7 symbols with a digit and a letter (one longer than customers' 6-symbol codes). */
    static final int AFFILIATE_LENGTH = 7;
    /** A link's code: 8 symbols, about 40 bits, so links cannot be enumerated in practice. */
    static final int LINK_LENGTH = 8;

    private Codes() {
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    static String affiliate() {
        while (true) {
            String r = random(AFFILIATE_LENGTH);
            if (r.chars().anyMatch(Character::isDigit) && r.chars().anyMatch(Character::isLetter)) {
                return r;
            }
        }
    }

    static String link() {
        return random(LINK_LENGTH);
    }

    /** 128 random bits as 22 URL-safe characters: visitor ids and visit keys. */
    static String opaqueId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * A visit's key: the wall-clock milliseconds as 11 hex digits, then 66 random bits (11 URL-safe characters), so
     * keys are unique and new ones sort after older ones (inserts append to the index instead of landing anywhere).
     */
    static String visitKey(long epochMillis) {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        String hex = Long.toHexString(epochMillis);
        return "0".repeat(Math.max(0, 11 - hex.length())) + hex
                + Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, 11);
    }

    static boolean isOpaqueId(String s) {
        return s != null && s.length() == 22 && s.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
