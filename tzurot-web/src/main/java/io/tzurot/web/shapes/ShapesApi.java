package io.tzurot.web.shapes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.shapes.ImportedShapes;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.web.auth.Access;
import io.tzurot.web.cards.CardApi;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/personalities/import-shapes}: imports a shapes.inc character with its memories for the
 * caller, live (JSON {@code {username, sessionCookie}}) or from a saved export (multipart field {@code file}). The
 * cookie is passed to the import and dropped: never stored, logged or returned.
 */
public final class ShapesApi {

    static final String PATH = "/api/v1/personalities/import-shapes";

    private final Supplier<Optional<ImportingShapes>> useCase;

    public ShapesApi(Supplier<Optional<ImportingShapes>> useCase) {
        this.useCase = useCase;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("ShapesImport", Schemas.object(List.of("username", "sessionCookie"), Map.of(
                "username", Schemas.string("The shape's username on shapes.inc (its URL name)", 64),
                "sessionCookie", Schemas.string("Your shapes.inc session cookie: 'appSession=...' (or the split"
                        + " 'appSession.0=...; appSession.1=...'); used for this import only, never stored"))));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("slug", Schemas.string("The new character's slug"));
        result.put("name", Schemas.string("Its name"));
        result.put("memoriesImported", Map.of("type", "integer", "description", "Memories stored, with their dates"));
        result.put("memoriesSkipped", Map.of("type", "integer", "description", "Deleted, empty or repeated memories"));
        result.put("storiesCount", Map.of("type", "integer", "description", "Knowledge-base stories (not imported)"));
        result.put("importJobId", Schemas.format("uuid", "The import_jobs row recording this import"));
        s.define("ImportedShapes", Schemas.object(List.of("slug", "name", "memoriesImported", "memoriesSkipped",
                "storiesCount", "importJobId"), result));
        routes.add(new ApiRoute(HandlerType.POST, PATH, "portability", "Import a shapes.inc character and its memories,"
                        + " owned by the caller: live with JSON {username, sessionCookie}, or from a saved shapes.inc"
                        + " export sent as multipart/form-data field 'file'. Nothing is saved when any part fails;"
                        + " 400 names the field at fault (sessionCookie when shapes.inc refuses it), 502 when shapes.inc"
                        + " cannot be reached",
                RouteAuth.USER, "ShapesImport", 201, "ImportedShapes", List.of(400, 404, 409, 413, 502)), this::importShape);
    }

    private void importShape(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ImportedShapes imported;
        if (ctx.isMultipartFormData()) {
            CardApi.Upload upload = CardApi.Upload.of(ctx);
            imported = uc().importFile(actor, upload.bytes());
        } else {
            JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("username", "sessionCookie"));
            imported = uc().importLive(actor, body.requiredString("username", 64),
                    body.requiredString("sessionCookie", 16_384));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("slug", imported.personality().slug());
        out.put("name", imported.personality().name());
        out.put("memoriesImported", imported.memoriesImported());
        out.put("memoriesSkipped", imported.memoriesSkipped());
        out.put("storiesCount", imported.storiesCount());
        out.put("importJobId", imported.jobId().toString());
        ctx.status(201).json(out);
    }

    private ImportingShapes uc() {
        return useCase.get().orElseThrow(ApiException::starting);
    }
}
