package io.tzurot.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the OpenAPI 3.0 document from the registered routes and schemas. */
public final class OpenApiDocument {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "The input is invalid; 'field' names it and 'message' says what is expected",
            401, "No valid bearer token or session",
            403, "Signed in but not allowed",
            404, "No such resource, or not one the caller may see",
            413, "The request body is too large",
            503, "The server is still starting");

    private OpenApiDocument() {
    }

    public static Map<String, Object> build(RouteRegistry registry, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Tzurot HTTP API", "version", version,
                "description", "Requests act as a user: send 'Authorization: Bearer <token>' (tokens are created in the console"
                        + " or with 'tzurot token create --user USER_ID'). Errors are {error, message, field}."));
        doc.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new TreeMap<>();
        for (ApiRoute route : registry.routes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(registry, route));
        }
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", new TreeMap<>(registry.schemas().all()));
        components.put("securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer", "description", "A token of the form tzk_..."),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "tzurot_session",
                        "description", "The console's session, from the operator's login link")));
        doc.put("components", components);
        return doc;
    }

    // the body's media types: JSON unless the schema names others (uploads, files)
    private static Map<String, Object> content(RouteRegistry registry, String schema) {
        Object media = registry.schemas().all().get(schema).get(Schemas.MEDIA_TYPE);
        List<?> types = media == null ? List.of("application/json") : media instanceof List<?> l ? l : List.of(media);
        Map<String, Object> content = new LinkedHashMap<>();
        types.forEach(t -> content.put(t.toString(), Map.of("schema", Schemas.ref(schema))));
        return content;
    }

    private static Map<String, Object> operation(RouteRegistry registry, ApiRoute route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(route.tag()));
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        Matcher m = PATH_PARAM.matcher(route.path());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (route.requestSchema() != null) {
            op.put("requestBody", Map.of("required", true, "content", content(registry, route.requestSchema())));
        }
        Map<String, Object> responses = new TreeMap<>();
        Map<String, Object> success = new LinkedHashMap<>();
        success.put("description", "Success");
        if (route.responseSchema() != null) {
            success.put("content", content(registry, route.responseSchema()));
        }
        responses.put(String.valueOf(route.successStatus()), success);
        List<Integer> errors = new java.util.ArrayList<>(route.errorStatuses());
        if (route.auth() != RouteAuth.PUBLIC) {
            errors.add(401);
            errors.add(503);
        }
        if (route.auth() == RouteAuth.OWNER) {
            errors.add(403);
        }
        for (int status : errors) {
            responses.put(String.valueOf(status), Map.of("description", DESCRIPTIONS.getOrDefault(status, "Error"),
                    "content", Map.of("application/json", Map.of("schema", Schemas.ref("Error")))));
        }
        op.put("responses", responses);
        op.put("security", switch (route.auth()) {
            case PUBLIC -> List.of();
            case USER, OWNER -> List.of(Map.of("bearer", List.of()), Map.of("session", List.of()));
        });
        if (route.auth() == RouteAuth.OWNER) {
            op.put("description", "Bot owner only.");
        }
        return op;
    }

    private static String operationId(ApiRoute route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().replace("/api/v1/", "").split("[/{}.-]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
