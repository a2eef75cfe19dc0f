package io.tzurot.web.openapi;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way API routes are added: each call registers the handler with Javalin and records the
 * route's description for the OpenAPI document in the same step.
 */
public final class RouteRegistry {

    private final Javalin app;
    private final Schemas schemas;
    private final List<ApiRoute> routes = new ArrayList<>();

    public RouteRegistry(Javalin app, Schemas schemas) {
        this.app = app;
        this.schemas = schemas;
    }

    /**
     * @throws IllegalArgumentException when the route names a schema nobody defined (caught at start-up, not by clients)
     */
    public RouteRegistry add(ApiRoute route, Handler handler) {
        for (String schema : new String[] {route.requestSchema(), route.responseSchema()}) {
            if (schema != null && !schemas.has(schema)) {
                throw new IllegalArgumentException(route.method() + " " + route.path() + " names undefined schema " + schema);
            }
        }
        app.addHttpHandler(route.method(), route.path(), handler);
        routes.add(route);
        return this;
    }

    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    public Schemas schemas() {
        return schemas;
    }
}
