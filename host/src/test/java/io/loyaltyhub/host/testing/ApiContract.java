package io.loyaltyhub.host.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the server says it accepts and answers ({@code /openapi}), checked against what it does: every request an
 * IT makes through {@link TestServer} and its answer are validated with Atlassian's OpenAPI validator. A request is
 * checked when it succeeded (tests send bad input on purpose, and those must be refused); every answer is checked.
 * Mismatches are collected and fail the test class when its server closes.
 */
public final class ApiContract {
    private final OpenApiInteractionValidator validator;
    private final Set<String> mismatches = new LinkedHashSet<>();

    public ApiContract(String openApiJson) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(openApiJson)
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR)
                        // the bearer token is checked by the server itself (401/403), not by the document
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Checks one exchange with the REST API; paths outside {@code /api/v1} are not part of the document. */
    public synchronized void check(String method, URI uri, String contentType, String requestBody, int status,
                                   String responseContentType, String responseBody) {
        String path = uri.getRawPath();
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        SimpleRequest.Builder rb = new SimpleRequest.Builder(method, path);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                rb.withQueryParam(name, value);
            }
        }
        if (requestBody != null) {
            rb.withBody(requestBody).withContentType(contentType == null ? "application/json" : contentType);
        }
        Request request = rb.build();
        SimpleResponse.Builder sb = new SimpleResponse.Builder(status);
        if (responseBody != null && !responseBody.isEmpty()) {
            sb.withBody(responseBody);
        }
        if (responseContentType != null && !responseContentType.isEmpty()) {
            sb.withContentType(responseContentType);
        }
        ValidationReport report = status >= 200 && status < 300
                ? validator.validate(request, sb.build())
                : validator.validateResponse(path, request.getMethod(), sb.build());
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR && !excused(m.getKey(), requestBody, status)) {
                mismatches.add(method + " " + path + " -> " + status + ": [" + m.getKey() + "] " + m.getMessage());
            }
        }
    }

    /**
     * Mismatches that are not the server's: a body sent to a route that reads none (ignored by it), a missing
     * content type on a request without a body, and a path that is not in the document because it does not exist.
     */
    private static boolean excused(String key, String requestBody, int status) {
        return key.equals("validation.request.body.unexpected")
                || (requestBody == null && key.equals("validation.request.contentType.notAllowed"))
                || (status == 404 && key.equals("validation.request.path.missing"));
    }

    /** Every mismatch seen so far, once each. */
    public synchronized List<String> mismatches() {
        return new ArrayList<>(mismatches);
    }
}
