package io.loyaltyhub.api.platform;

import java.time.Instant;

/** The outcome of a login attempt. Failures never say whether the username exists. */
public sealed interface LoginResult {
    record Success(StaffUser user) implements LoginResult {
    }

    record BadCredentials() implements LoginResult {
    }

    /** Too many failures: no attempt is checked before {@code retryAfter}. */
    record Throttled(Instant retryAfter) implements LoginResult {
    }
}
