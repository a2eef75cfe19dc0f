package io.tzurot.web.openapi;

import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * One documented API route: what the OpenAPI document says about it. Registered together with its
 * handler through {@link RouteRegistry}, so the document cannot drift from the routes.
 *
 * @param path           Javalin path with {@code {param}} segments, e.g. {@code /api/v1/tokens/{id}}
 * @param requestSchema  name of the JSON request body schema, or null when there is no body
 * @param responseSchema name of the success body schema, or null for an empty response (e.g. 204)
 * @param errorStatuses  error statuses the route can answer besides 401/403 implied by {@code auth}
 */
public record ApiRoute(HandlerType method, String path, String tag, String summary, RouteAuth auth,
                       String requestSchema, int successStatus, String responseSchema, List<Integer> errorStatuses) {

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(auth, "auth");
        errorStatuses = List.copyOf(errorStatuses);
    }
}
