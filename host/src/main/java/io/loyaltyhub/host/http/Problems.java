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
        send(res, p.status(), p.code(), p.title(), p.detail(), instance, p.fieldErrors());
    }

    public void send(ServerResponse res, int status, String code, String title, String detail, String instance,
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
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.send(json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
