package io.loyaltyhub.host.security;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.StaffUser;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.TransactionRunner;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Bearer tokens that let staff call the REST API after logging in; only their SHA-256 is stored. */
public final class StaffTokens {
    public static final String PREFIX = "lhs_";

    private final TransactionRunner tx;
    private final Duration lifetime;

    public StaffTokens(TransactionRunner tx, Duration lifetime) {
        this.tx = tx;
        this.lifetime = lifetime;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(StaffUser user) {
        String token = PREFIX + Tokens.random(32);
        return tx.inHostTransaction(t -> {
            Instant expires = t.now().plus(lifetime);
            Sql.update(t.connection(), "DELETE FROM staff_token WHERE expires_at < ?", t.now());
            Sql.update(t.connection(), "INSERT INTO staff_token (token_hash, staff_id, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?)", Tokens.sha256(token), user.id(), t.now(), expires);
            return new Issued(token, expires);
        });
    }

    /** Ends the token now (logout); false when it was not a live token. */
    public boolean revoke(String token) {
        return tx.inHostTransaction(t -> Sql.update(t.connection(), "DELETE FROM staff_token WHERE token_hash = ?",
                Tokens.sha256(token))) > 0;
    }

    public Optional<Actor> verify(String token) {
        return tx.inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT u.* FROM staff_token k JOIN staff_user u ON u.id = k.staff_id "
                        + "WHERE k.token_hash = ? AND k.expires_at > ? AND u.enabled = TRUE",
                StaffAccounts::user, Tokens.sha256(token), t.now()))
                .map(u -> Actor.staff(u.id(), u.username(), u.role()));
    }
}
