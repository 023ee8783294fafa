package io.loyaltyhub.host.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.api.http.ApiRequest;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.HostJson;

import java.io.IOException;
import java.util.Optional;

/** A Helidon request seen through the plugin API. */
final class HelidonApiRequest implements ApiRequest {
    private final ServerRequest request;
    private final Actor actor;
    private final HostJson json;
    private final ClientAddress clientAddress;

    HelidonApiRequest(ServerRequest request, Actor actor, HostJson json, ClientAddress clientAddress) {
        this.request = request;
        this.actor = actor;
        this.json = json;
        this.clientAddress = clientAddress;
    }

    @Override
    public String pathParam(String name) {
        return request.path().pathParameters().first(name).orElseThrow(
                () -> new IllegalStateException("route has no path parameter " + name));
    }

    @Override
    public Optional<String> query(String name) {
        return request.query().first(name).asOptional();
    }

    @Override
    public Optional<String> header(String name) {
        return request.headers().first(HeaderNames.create(name));
    }

    @Override
    public boolean hasBody() {
        return request.content().hasEntity();
    }

    @Override
    public <T> T body(Class<T> type) {
        if (!request.content().hasEntity()) {
            throw ApiProblem.badRequest("missing-body", "This request needs a JSON body.");
        }
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.isEmpty() && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json, not " + contentType + ".");
        }
        byte[] bytes = request.content().as(byte[].class);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("missing-body", "This request needs a JSON body.");
        }
        try {
            T value = json.mapper().readValue(bytes, type);
            if (value == null) {
                throw ApiProblem.badRequest("missing-body", "The JSON body is null.");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // well-formed JSON of the wrong shape, or a value its type refuses (e.g. 31 February)
            String field = e.getPath().isEmpty() ? "" : " at '" + e.getPath().getLast().getFieldName() + "'";
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String detail = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw ApiProblem.badRequest("invalid-body", "The JSON does not have the expected shape" + field + ": " + detail);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("unreadable-body", "The body could not be read.");
        }
    }

    @Override
    public String clientAddress() {
        return clientAddress.of(request.remotePeer().host(),
                request.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(null));
    }

    @Override
    public Actor actor() {
        return actor;
    }
}
