package io.loyaltyhub.host.security;

import io.loyaltyhub.api.platform.Actor;

import java.util.Optional;

/** Turns an {@code Authorization: Bearer ...} header into an actor: a staff token or an API key. */
public final class Authenticator {
    private final StaffTokens staffTokens;
    private final ApiKeys apiKeys;

    public Authenticator(StaffTokens staffTokens, ApiKeys apiKeys) {
        this.staffTokens = staffTokens;
        this.apiKeys = apiKeys;
    }

    public Optional<Actor> authenticate(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        String value = authorization.get().trim();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).trim();
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return token.startsWith(StaffTokens.PREFIX) ? staffTokens.verify(token) : apiKeys.verify(token);
    }
}
