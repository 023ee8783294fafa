package io.loyaltyhub.host.security;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.db.Sql;
import io.loyaltyhub.host.db.SqlErrors;
import io.loyaltyhub.host.db.TransactionRunner;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API keys for integrations. A key is shown once when created; only its SHA-256 is stored.
 * Scopes are {@code area:action}, {@code area:*} or {@code *}.
 */
public final class ApiKeys {
    public static final String BOOTSTRAP_NAME = "bootstrap";
    private static final String PREFIX = "lhk_";

    /** How long a verified key is trusted without asking the database (revocation here clears it at once). */
    static final java.time.Duration CACHE = java.time.Duration.ofSeconds(10);

    private record Verified(Actor actor, long at) {
    }

    private final TransactionRunner tx;
    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public ApiKeys(TransactionRunner tx) {
        this.tx = tx;
    }

    public record ApiKeyInfo(long id, String name, String prefix, Set<String> scopes, Instant createdAt,
                             Instant revokedAt) {
    }

    public record CreatedKey(ApiKeyInfo info, String key) {
    }

    public CreatedKey create(Actor actor, String name, Set<String> scopes) {
        String n = name == null ? "" : name.trim();
        if (!n.matches("[A-Za-z0-9 ._-]{3,100}")) {
            throw new IllegalArgumentException("name: 3-100 letters, digits, spaces or . _ -");
        }
        Set<String> s = checkScopes(scopes);
        for (String scope : s) {
            if (!actor.mayGrant(scope)) {
                throw new IllegalArgumentException("scopes: you cannot grant '" + scope + "', which you do not have");
            }
        }
        String key = PREFIX + Tokens.random(32);
        try {
            long id = tx.inHostTransaction(t -> {
                long newId = Sql.insert(t.connection(), "INSERT INTO api_key (name, key_prefix, key_hash, scopes, "
                        + "created_at) VALUES (?, ?, ?, ?, ?)", n, key.substring(0, 12), Tokens.sha256(key),
                        String.join(" ", s), t.now());
                t.audit(actor, "apikey.create", "api-key", String.valueOf(newId), null,
                        Map.of("name", n, "scopes", s));
                return newId;
            });
            return new CreatedKey(find(id).orElseThrow(), key);
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                throw new IllegalArgumentException("name: an API key named '" + n + "' exists");
            }
            throw e;
        }
    }

    /** Makes the configured bootstrap key valid with every scope (creating or replacing its hash). */
    public void ensureBootstrapKey(String key) {
        String hash = Tokens.sha256(key);
        tx.inHostTransaction(t -> {
            Optional<String> existing = Sql.one(t.connection(), "SELECT key_hash FROM api_key WHERE name = ? FOR UPDATE",
                    rs -> rs.getString(1), BOOTSTRAP_NAME);
            if (existing.isEmpty()) {
                long id = Sql.insert(t.connection(), "INSERT INTO api_key (name, key_prefix, key_hash, scopes, created_at) "
                        + "VALUES (?, ?, ?, '*', ?)", BOOTSTRAP_NAME, key.substring(0, 6), hash, t.now());
                t.audit(Actor.SYSTEM, "apikey.bootstrap", "api-key", String.valueOf(id), null, Map.of("scopes", "*"));
            } else if (!existing.get().equals(hash)) {
                Sql.update(t.connection(), "UPDATE api_key SET key_hash = ?, key_prefix = ?, scopes = '*', "
                        + "revoked_at = NULL WHERE name = ?", hash, key.substring(0, 6), BOOTSTRAP_NAME);
                t.audit(Actor.SYSTEM, "apikey.bootstrap-rotated", "api-key", BOOTSTRAP_NAME, null, Map.of("scopes", "*"));
            }
            return null;
        });
        verified.clear();
    }

    public List<ApiKeyInfo> list() {
        return tx.inHostTransaction(t -> Sql.query(t.connection(), "SELECT * FROM api_key ORDER BY name", ApiKeys::info));
    }

    public Optional<ApiKeyInfo> find(long id) {
        return tx.inHostTransaction(t -> Sql.one(t.connection(), "SELECT * FROM api_key WHERE id = ?", ApiKeys::info, id));
    }

    public boolean revoke(Actor actor, long id) {
        boolean revoked = tx.inHostTransaction(t -> {
            int n = Sql.update(t.connection(), "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    t.now(), id);
            if (n > 0) {
                t.audit(actor, "apikey.revoke", "api-key", String.valueOf(id), Map.of("revoked", false),
                        Map.of("revoked", true));
            }
            return n > 0;
        });
        verified.clear();
        return revoked;
    }

    /** The actor for a presented key, if it exists and is not revoked. */
    public Optional<Actor> verify(String presented) {
        String hash = Tokens.sha256(presented);
        Verified v = verified.get(hash);
        if (v != null && System.nanoTime() - v.at() < CACHE.toNanos()) {
            return Optional.of(v.actor());
        }
        Optional<Actor> actor = tx.inHostTransaction(t -> Sql.one(t.connection(),
                "SELECT * FROM api_key WHERE key_hash = ? AND revoked_at IS NULL", ApiKeys::info, hash))
                .map(k -> Actor.apiKey(k.id(), k.name(), k.scopes()));
        if (verified.size() > 10_000) {
            verified.clear();
        }
        actor.ifPresentOrElse(a -> verified.put(hash, new Verified(a, System.nanoTime())), () -> verified.remove(hash));
        return actor;
    }

    static Set<String> checkScopes(Set<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes: name at least one, e.g. stores:read");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : scopes) {
            String scope = s == null ? "" : s.trim();
            if (!scope.equals("*") && !scope.matches("[a-z][a-z0-9-]*:([a-z][a-z0-9-]*|\\*)")) {
                throw new IllegalArgumentException("scopes: '" + scope + "' is not area:action, area:* or *");
            }
            out.add(scope);
        }
        return out;
    }

    private static ApiKeyInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiKeyInfo(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(" "))), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "revoked_at"));
    }
}
