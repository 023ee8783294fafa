package io.loyaltyhub.host.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.host.HostJson;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API as an OpenAPI 3 document, written from the routes' own declarations (path,
 * method, scope, request and response records), so it cannot drift from what is mounted.
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private OpenApiDocument() {
    }

    public static String render(HostJson json, String version, List<ApiEndpoint> endpoints) {
        ObjectNode doc = json.mapper().createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Loyalty & affiliate server API");
        info.put("version", version);
        info.put("description", "Authenticate with 'Authorization: Bearer <API key or staff token>'. "
                + "Each operation names the scope it needs in x-required-scope. Errors are RFC 9457 problem documents.");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = json.mapper().createObjectNode();
        schemas.set("Problem", problemSchema(json));
        for (ApiEndpoint endpoint : endpoints) {
            for (ApiRoute route : endpoint.routes()) {
                String path = ApiRoutes.fullPath(endpoint.area(), route);
                ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
                ObjectNode op = item.putObject(route.method().name().toLowerCase(Locale.ROOT));
                op.put("summary", route.summary() == null ? "" : route.summary());
                op.put("operationId", route.method().name().toLowerCase(Locale.ROOT) + "_" + endpoint.area()
                        + route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_$", ""));
                op.putArray("tags").add(endpoint.area());
                op.put("x-required-scope", route.scope());
                if (route.scope().equals(ApiRoute.PUBLIC)) {
                    op.putArray("security");
                } else {
                    op.putArray("security").addObject().putArray("bearer");
                }
                Matcher m = PATH_PARAM.matcher(route.path());
                ArrayNode params = null;
                while (m.find()) {
                    params = params == null ? op.putArray("parameters") : params;
                    ObjectNode p = params.addObject();
                    p.put("name", m.group(1));
                    p.put("in", "path");
                    p.put("required", true);
                    p.putObject("schema").put("type", "string");
                }
                if (route.requestType() != null) {
                    ObjectNode body = op.putObject("requestBody");
                    body.put("required", true);
                    body.putObject("content").putObject("application/json").set("schema",
                            schemaRef(json, route.requestType(), schemas));
                }
                ObjectNode responses = op.putObject("responses");
                ObjectNode ok = responses.putObject(route.method().name().equals("POST") ? "201" : "200");
                ok.put("description", "Success");
                if (route.responseType() != null) {
                    ok.putObject("content").putObject("application/json").set("schema",
                            schemaRef(json, route.responseType(), schemas));
                }
                ObjectNode problem = responses.putObject("default");
                problem.put("description", "Problem (4xx client error, 5xx server error)");
                problem.putObject("content").putObject("application/problem+json").putObject("schema")
                        .put("$ref", "#/components/schemas/Problem");
            }
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas);
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        return json.write(doc);
    }

    private static ObjectNode problemSchema(HostJson json) {
        ObjectNode s = json.mapper().createObjectNode();
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        for (String k : List.of("type", "title", "code", "detail", "instance")) {
            props.putObject(k).put("type", "string");
        }
        props.putObject("status").put("type", "integer");
        props.putObject("errors").put("type", "object").putObject("additionalProperties").put("type", "string");
        return s;
    }

    private static ObjectNode schemaRef(HostJson json, Type type, ObjectNode schemas) {
        ObjectNode s = json.mapper().createObjectNode();
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : Object.class;
        if (raw.isArray()) {
            s.put("type", "array");
            s.set("items", schemaRef(json, raw.getComponentType(), schemas));
        } else if (Collection.class.isAssignableFrom(raw)) {
            s.put("type", "array");
            Type item = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
            s.set("items", schemaRef(json, item, schemas));
        } else if (Map.class.isAssignableFrom(raw)) {
            s.put("type", "object");
        } else if (raw == String.class || raw.isEnum()) {
            s.put("type", "string");
            if (raw.isEnum()) {
                ArrayNode values = s.putArray("enum");
                for (Object c : raw.getEnumConstants()) {
                    values.add(c.toString());
                }
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            s.put("type", "boolean");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            s.put("type", "integer");
            s.put("format", raw == int.class || raw == Integer.class ? "int32" : "int64");
        } else if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            s.put("type", "number");
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            s.put("type", "string");
            s.put("format", "date-time");
        } else if (raw == LocalDate.class) {
            s.put("type", "string");
            s.put("format", "date");
        } else if (raw.isRecord()) {
            String name = raw.getSimpleName();
            if (!schemas.has(name)) {
                ObjectNode def = schemas.putObject(name); // placeholder first: records may refer to themselves
                def.put("type", "object");
                ObjectNode props = def.putObject("properties");
                for (RecordComponent rc : raw.getRecordComponents()) {
                    props.set(rc.getName(), schemaRef(json, rc.getGenericType(), schemas));
                }
            }
            s.put("$ref", "#/components/schemas/" + name);
        } else {
            s.put("type", "object");
        }
        return s;
    }
}
