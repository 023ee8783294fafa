package io.loyaltyhub.api.platform;

import java.util.List;

/** Staff accounts and login. Every change is written to the audit log as {@code actor}. */
public interface StaffService {

    /** Checks a password (Argon2id), with throttling per username and per client address. */
    LoginResult login(String username, String password, String clientAddress);

    /** Records in the audit log that {@code actor} logged out ({@code how}: {@code admin-ui}, {@code token-revoked}). */
    void loggedOut(Actor actor, String how);

    List<StaffUser> list();

    /** @throws IllegalArgumentException with a user-facing message when a value is not acceptable */
    StaffUser create(Actor actor, String username, String displayName, Role role, String password);

    StaffUser update(Actor actor, long id, String displayName, Role role, boolean enabled);

    void resetPassword(Actor actor, long id, String newPassword);
}
