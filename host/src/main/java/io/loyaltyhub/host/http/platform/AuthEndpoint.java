package io.loyaltyhub.host.http.platform;

import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.http.ApiResponse;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.platform.LoginResult;
import io.loyaltyhub.api.platform.Role;
import io.loyaltyhub.api.platform.StaffService;
import io.loyaltyhub.host.security.StaffTokens;

import java.time.Instant;
import java.util.List;

/** {@code POST /api/v1/auth/token}: staff trade their password for a bearer token. */
public final class AuthEndpoint implements ApiEndpoint {
    public record Credentials(String username, String password) {
    }

    public record TokenAnswer(String token, Instant expiresAt, String username, Role role) {
    }

    private final StaffService staff;
    private final StaffTokens tokens;

    public AuthEndpoint(StaffService staff, StaffTokens tokens) {
        this.staff = staff;
        this.tokens = tokens;
    }

    @Override
    public String area() {
        return "auth";
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/token", ApiRoute.PUBLIC, "Log in as staff and get a bearer token",
                        Credentials.class, TokenAnswer.class, this::token),
                ApiRoute.delete("/token", ApiRoute.PUBLIC, "Log out: the staff token sent as 'Authorization: Bearer' "
                        + "ends now", this::revoke));
    }

    /** Public, because the token itself is the credential: a live staff token ends, anything else is 401. */
    private ApiResponse revoke(ApiRequest request) {
        String header = request.header("Authorization").orElse("");
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        java.util.Optional<io.loyaltyhub.api.platform.Actor> who = token.startsWith(StaffTokens.PREFIX)
                ? tokens.verify(token) : java.util.Optional.empty();
        if (who.isEmpty() || !tokens.revoke(token)) {
            throw new ApiProblem(401, "unauthenticated", "Unauthorized",
                    "Send the staff token to end as 'Authorization: Bearer <token>'.").withHeader("WWW-Authenticate", "Bearer");
        }
        staff.loggedOut(who.get(), "token-revoked");
        return ApiResponse.noContent();
    }

    private ApiResponse token(ApiRequest request) {
        Credentials c = request.body(Credentials.class);
        LoginResult result = staff.login(c.username(), c.password(), request.clientAddress());
        return switch (result) {
            case LoginResult.Success s -> {
                StaffTokens.Issued issued = tokens.issue(s.user());
                yield ApiResponse.ok(new TokenAnswer(issued.token(), issued.expiresAt(), s.user().username(),
                        s.user().role()));
            }
            case LoginResult.BadCredentials b ->
                    throw new ApiProblem(401, "invalid-credentials", "Unauthorized", "Incorrect username or password.");
            case LoginResult.Throttled t -> throw new ApiProblem(429, "login-throttled", "Too many attempts",
                    "Too many failed logins; try again after " + t.retryAfter() + ".")
                    .withHeader("Retry-After", String.valueOf(Math.max(1, java.time.Duration.between(
                            java.time.Instant.now(), t.retryAfter()).toSeconds() + 1)));
        };
    }
}
