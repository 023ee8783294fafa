package io.loyaltyhub.host.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.api.http.ApiEndpoint;
import io.loyaltyhub.api.affiliate.Money;
import io.loyaltyhub.api.http.ApiRoute;
import io.loyaltyhub.api.http.QueryParam;
import io.loyaltyhub.api.http.Required;
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
        // schemas are named by simple class name: two records of one name would silently share a schema
        Map<String, Class<?>> owners = new java.util.HashMap<>();
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
                for (QueryParam q : route.query()) {
                    params = params == null ? op.putArray("parameters") : params;
                    ObjectNode p = params.addObject();
                    p.put("name", q.name());
                    p.put("in", "query");
                    p.put("required", false);
                    if (!q.description().isEmpty()) {
                        p.put("description", q.description());
                    }
                    ObjectNode schema = p.putObject("schema");
                    switch (q.type()) {
                        case "date", "date-time" -> schema.put("type", "string").put("format", q.type());
                        default -> schema.put("type", q.type());
                    }
                }
                if (route.requestType() != null) {
                    ObjectNode body = op.putObject("requestBody");
                    body.put("required", route.bodyRequired());
                    body.putObject("content").putObject("application/json").set("schema",
                            schemaRef(json, route.requestType(), schemas, owners, true));
                }
                ObjectNode responses = op.putObject("responses");
                for (int status : route.successes()) {
                    ObjectNode ok = responses.putObject(String.valueOf(status));
                    ok.put("description", status == 201 ? "Created" : status == 204 ? "No content" : "Success");
                    if (status != 204) {
                        ok.putObject("content").putObject("application/json").set("schema",
                                route.responseType() != null ? schemaRef(json, route.responseType(), schemas, owners, false)
                                        : json.mapper().createObjectNode().put("type", "object"));
                    }
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

    /**
     * The schema of {@code type}. Record components of reference types may be null (marked nullable);
     * primitives, and components marked {@link Required} in requests, are required.
     */
    /** Two records of one name may share a schema only when their components are the same. */
    private static boolean sameShape(Class<?> a, Class<?> b) {
        if (!a.isRecord() || !b.isRecord()) {
            return false;
        }
        RecordComponent[] x = a.getRecordComponents();
        RecordComponent[] y = b.getRecordComponents();
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!x[i].getName().equals(y[i].getName()) || !x[i].getGenericType().equals(y[i].getGenericType())
                    || x[i].isAnnotationPresent(Required.class) != y[i].isAnnotationPresent(Required.class)) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode schemaRef(HostJson json, Type type, ObjectNode schemas, Map<String, Class<?>> owners,
                                         boolean request) {
        ObjectNode s = json.mapper().createObjectNode();
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : Object.class;
        if (raw.isArray()) {
            s.put("type", "array");
            s.set("items", schemaRef(json, raw.getComponentType(), schemas, owners, request));
        } else if (Collection.class.isAssignableFrom(raw)) {
            s.put("type", "array");
            Type item = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
            s.set("items", schemaRef(json, item, schemas, owners, request));
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
        } else if (raw == Money.class) {
            s.put("$ref", "#/components/schemas/Money");
            if (!schemas.has("Money")) {
                ObjectNode def = schemas.putObject("Money");
                def.put("type", "object");
                def.put("description", "An exact amount: a decimal string (never a float) and an ISO 4217 currency.");
                ObjectNode props = def.putObject("properties");
                props.putObject("amount").put("type", "string").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
                        .put("example", "12.50");
                props.putObject("currency").put("type", "string").put("pattern", "^[A-Z]{3}$").put("example", "INR");
                def.putArray("required").add("amount").add("currency");
                def.put("additionalProperties", false);
            }
        } else if (raw.isRecord()) {
            String name = raw.getSimpleName();
            Class<?> owner = owners.putIfAbsent(name, raw);
            if (owner != null && owner != raw && !sameShape(owner, raw)) {
                throw new IllegalStateException("Two API types are named " + name + " (" + owner.getName() + " and "
                        + raw.getName() + "); /openapi names schemas by simple name, so rename one.");
            }
            if (!schemas.has(name)) {
                ObjectNode def = schemas.putObject(name); // placeholder first: records may refer to themselves
                def.put("type", "object");
                ObjectNode props = def.putObject("properties");
                ArrayNode required = json.mapper().createArrayNode();
                for (RecordComponent rc : raw.getRecordComponents()) {
                    ObjectNode prop = schemaRef(json, rc.getGenericType(), schemas, owners, request);
                    boolean primitive = rc.getType().isPrimitive();
                    if (primitive || rc.isAnnotationPresent(Required.class)) {
                        required.add(rc.getName());
                    }
                    if (!primitive && !rc.isAnnotationPresent(Required.class)) {
                        if (prop.has("$ref")) { // OpenAPI 3.0: a $ref takes no siblings
                            ObjectNode wrapped = json.mapper().createObjectNode();
                            wrapped.put("nullable", true).putArray("allOf").add(prop);
                            prop = wrapped;
                        } else {
                            prop.put("nullable", true);
                        }
                    }
                    props.set(rc.getName(), prop);
                }
                if (!required.isEmpty() && !request) {
                    def.set("required", required);
                } else if (request) {
                    ArrayNode marked = json.mapper().createArrayNode();
                    for (RecordComponent rc : raw.getRecordComponents()) {
                        if (rc.isAnnotationPresent(Required.class)) {
                            marked.add(rc.getName());
                        }
                    }
                    if (!marked.isEmpty()) {
                        def.set("required", marked);
                    }
                }
            }
            s.put("$ref", "#/components/schemas/" + name);
        } else {
            s.put("type", "object");
        }
        return s;
    }
}
