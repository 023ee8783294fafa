package io.loyaltyhub.api.platform;

import java.time.Instant;

/** A staff account as the admin UI shows it (never the password hash). */
public record StaffUser(long id, String username, String displayName, Role role, boolean enabled,
                        Instant createdAt, Instant lastLoginAt) {
}
