package io.loyaltyhub.api.platform;

import java.util.Objects;
import java.util.Set;

/**
 * Who did something: a staff user, an API key, or the system itself (jobs, events).
 *
 * @param kind   what sort of actor
 * @param id     staff user id or API key id; 0 for the system
 * @param name   username, API key name, or "system"
 * @param role   the staff role; null for API keys and the system
 * @param scopes the API key's scopes; empty for staff (their role decides)
 */
public record Actor(Kind kind, long id, String name, Role role, Set<String> scopes) {

    public enum Kind { STAFF, API_KEY, SYSTEM }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, 0, "system", null, Set.of("*"));

    public Actor {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static Actor staff(long id, String username, Role role) {
        return new Actor(Kind.STAFF, id, username, role, Set.of());
    }

    public static Actor apiKey(long id, String name, Set<String> scopes) {
        return new Actor(Kind.API_KEY, id, name, null, scopes);
    }

    /** Whether this actor may use a route or view that needs {@code scope} (area:action). */
    public boolean may(String scope) {
        return switch (kind) {
            case SYSTEM -> true;
            case STAFF -> role.grants(scope);
            case API_KEY -> scopes.contains("*") || scopes.contains(scope)
                    || scopes.contains(scope.substring(0, scope.indexOf(':')) + ":*");
        };
    }

    /**
     * Whether this actor may hand {@code scope} to someone else (an API key it creates, a role it
     * assigns): never more than it has itself. {@code *} only for admins, the system and {@code *} keys.
     */
    public boolean mayGrant(String scope) {
        if (scope.equals("*")) {
            return kind == Kind.SYSTEM || (kind == Kind.STAFF && role == Role.ADMIN) || scopes.contains("*");
        }
        if (scope.endsWith(":*")) {
            String area = scope.substring(0, scope.length() - 2);
            return kind == Kind.API_KEY ? scopes.contains("*") || scopes.contains(scope)
                    : may(area + ":read") && may(area + ":write");
        }
        return may(scope);
    }

    /** How the audit log names this actor, e.g. {@code staff:alice}. */
    public String label() {
        return switch (kind) {
            case STAFF -> "staff:" + name;
            case API_KEY -> "apikey:" + name;
            case SYSTEM -> "system";
        };
    }
}
