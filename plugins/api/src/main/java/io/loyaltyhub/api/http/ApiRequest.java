package io.loyaltyhub.api.http;

import io.loyaltyhub.api.platform.Actor;

import java.util.Optional;

/** A request as a route handler sees it, after authentication and the scope check. */
public interface ApiRequest {

    /** A path parameter, e.g. {@code id} of {@code /{id}}. */
    String pathParam(String name);

    Optional<String> query(String name);

    Optional<String> header(String name);

    /** Whether the request carries a body (for routes where it is optional). */
    boolean hasBody();

    /**
     * The JSON body as the given type.
     *
     * @throws ApiProblem 400 {@code malformed-json} or {@code invalid-body} when it does not parse
     */
    <T> T body(Class<T> type);

    /** The caller's IP address as the server sees it (the direct peer). */
    String clientAddress();

    /** Who is calling: a staff user or an API key; null only on {@link ApiRoute#PUBLIC} routes. */
    Actor actor();

    /** Parses a path parameter as a positive long, or answers 404 {@code not-found}. */
    default long idParam(String name) {
        String raw = pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // fall through: an id that cannot exist
        }
        throw ApiProblem.notFound("No such " + name + ": " + raw);
    }
}
