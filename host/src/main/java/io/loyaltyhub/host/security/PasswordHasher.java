package io.loyaltyhub.host.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...}). Parameters
 * follow OWASP's minimum (19 MiB, 2 iterations, 1 lane); verification reads them from the hash,
 * so they can be raised later without breaking stored hashes.
 */
public final class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** The rules a new staff password must meet; empty when it is acceptable. */
    public static java.util.Optional<String> weakness(String password) {
        if (password == null || password.length() < 12) {
            return java.util.Optional.of("Password must have at least 12 characters.");
        }
        if (password.length() > 200) {
            return java.util.Optional.of("Password must have at most 200 characters.");
        }
        if (password.chars().distinct().count() < 5) {
            return java.util.Optional.of("Password is too repetitive.");
        }
        return java.util.Optional.empty();
    }
}
