package io.loyaltyhub.host.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.loyaltyhub.api.http.ApiProblem;
import io.loyaltyhub.host.HostJson;

import java.util.Map;

/**
 * RFC 9457 problem documents. Every error the API answers has a stable {@code code} that clients
 * may branch on; {@code type} is derived from it.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://loyaltyhub.io/problems/";

    private final HostJson json;

    public Problems(HostJson json) {
        this.json = json;
    }

    public void send(ServerResponse res, ApiProblem p, String instance) {
        p.headers().forEach((k, v) -> res.header(HeaderNames.create(k), v));
        send(res, p.status(), p.code(), p.title(), p.detail(), instance, p.fieldErrors());
    }

    public void send(ServerResponse res, int status, String code, String title, String detail, String instance,
                     Map<String, String> fieldErrors) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(document(status, code, title, detail, instance, fieldErrors));
    }

    /** The problem document's bytes. */
    public byte[] document(int status, String code, String title, String detail, String instance,
                           Map<String, String> fieldErrors) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("type", TYPE_BASE + code);
        body.put("title", title);
        body.put("status", status);
        body.put("code", code);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (fieldErrors != null && !fieldErrors.isEmpty()) {
            ObjectNode errors = body.putObject("errors");
            fieldErrors.forEach(errors::put);
        }
        return json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Answers that the HTTP server gives before any route runs (a body over the size limit, a request it cannot
     * parse) as problem documents too, instead of an empty body.
     */
    public io.helidon.webserver.http.DirectHandlers directHandlers() {
        io.helidon.http.DirectHandler handler = (request, event, status, headers, message) -> {
            boolean tooLarge = status.code() == 413 || event == io.helidon.http.DirectHandler.EventType.PAYLOAD_TOO_LARGE;
            String code = tooLarge ? "payload-too-large" : event == io.helidon.http.DirectHandler.EventType.BAD_REQUEST
                    ? "bad-request" : "request-refused";
            String detail = tooLarge ? "The body is larger than this server accepts." : "The request could not be read.";
            headers.set(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
            return io.helidon.http.DirectHandler.TransportResponse.builder().status(status).headers(headers)
                    .keepAlive(false)
                    .entity(document(status.code(), code, status.reasonPhrase(), detail, request.path(), Map.of()))
                    .build();
        };
        return io.helidon.webserver.http.DirectHandlers.builder()
                .addHandler(io.helidon.http.DirectHandler.EventType.PAYLOAD_TOO_LARGE, handler)
                .addHandler(io.helidon.http.DirectHandler.EventType.BAD_REQUEST, handler)
                .build();
    }
}
