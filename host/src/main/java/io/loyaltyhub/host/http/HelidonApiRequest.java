package io.loyaltyhub.host.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
            JsonNode tree = json.mapper().readTree(StrictJson.text(bytes));
            StrictJson.refuseControlCharacters(tree);
            T value = json.mapper().treeToValue(tree, type);
            if (value == null) {
                throw ApiProblem.badRequest("missing-body", "The JSON body is null.");
            }
            return value;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String detail = cause == e ? e.getOriginalMessage() : cause.getMessage();
            String field = fieldPath(e);
            if (!field.isEmpty()) { // a value its field refuses (1.5 for an id, 31 February): 422 naming the field
                throw ApiProblem.invalid("The field '" + field + "' has a value it cannot take.",
                        java.util.Map.of(field, detail == null ? "invalid value" : detail));
            }
            // not one value but the whole: something after the value, or not the expected kind of JSON
            throw ApiProblem.badRequest("invalid-body", "The JSON does not have the expected shape: " + detail);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("unreadable-body", "The body could not be read.");
        }
    }

    /** {@code lines[2].amount} for the place a mapping failed, or empty when it was not in a field. */
    private static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
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
