package io.tzurot.web.userdata;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ErasureCounts;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.web.auth.Access;
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
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /api/v1/users/{userId}/data}: a user's whole-data export (a background job, then a ZIP download)
 * and account erasure. {@code userId} is {@code me} or a Discord user id; only the user and the bot owner
 * reach an account (others get 404).
 */
public final class UserDataApi {

    static final String BASE = "/api/v1/users/{userId}/data";

    private final Supplier<Optional<UserDataUseCases>> services;

    public UserDataApi(Supplier<Optional<UserDataUseCases>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("id", Schemas.format("uuid", "Export job id"));
        export.put("status", Map.of("type", "string", "enum", List.of("pending", "in_progress", "completed", "failed")));
        export.put("progress", Map.of("type", "integer", "minimum", 0, "maximum", 100, "description", "Percent done"));
        export.put("step", Schemas.nullable(Schemas.string("What is being written now")));
        export.put("fileName", Schemas.nullable(Schemas.string("The ZIP's name, once completed")));
        export.put("sizeBytes", Map.of("type", "integer", "nullable", true, "description", "The ZIP's size"));
        export.put("error", Schemas.nullable(Schemas.string("Why it failed")));
        export.put("createdAt", Schemas.format("date-time", "Started"));
        export.put("completedAt", Schemas.nullable(Schemas.format("date-time", "Finished")));
        export.put("expiresAt", Schemas.format("date-time", "The file is deleted after this"));
        export.put("downloadPath", Schemas.nullable(Schemas.string("Where to download the ZIP, once completed")));
        export.put("contents", Map.of("type", "object", "nullable", true, "description", "Counts by kind"));
        s.define("UserDataExport", Schemas.object(List.of("id", "status", "progress"), export));
        s.define("UserDataExportEnvelope", Schemas.object(List.of("export"), Map.of("export", Schemas.ref("UserDataExport"))));
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String k : List.of("personas", "presets", "characters", "memories", "messages", "othersMessages",
                "othersMemories")) {
            counts.put(k, Map.of("type", "integer", "description", k));
        }
        s.define("ErasureCounts", Schemas.object(List.copyOf(counts.keySet()), counts));
        s.define("ErasurePreview", Schemas.object(List.of("userId", "removes", "confirmation"), Map.of(
                "userId", Schemas.string("Discord user id"),
                "removes", Schemas.ref("ErasureCounts"),
                "confirmation", Schemas.string("The phrase to send to erase"))));
        s.define("EraseRequest", Schemas.object(List.of("confirmation"), Map.of(
                "confirmation", Schemas.string("Type 'DELETE MY DATA' (any case)"))));
        s.define("ErasureDone", Schemas.object(List.of("userId", "removed"), Map.of(
                "userId", Schemas.string("Discord user id"), "removed", Schemas.ref("ErasureCounts"))));

        routes.add(route(HandlerType.POST, BASE + "/exports", "Start exporting all of a user's data as a ZIP (the user or"
                + " the bot owner); 409 while one runs", null, 202, "UserDataExportEnvelope", List.of(400, 404, 409)),
                this::start);
        routes.add(route(HandlerType.GET, BASE + "/exports/{id}", "An export's status and progress", null, 200,
                "UserDataExportEnvelope", List.of(400, 404)), this::status);
        routes.add(route(HandlerType.GET, BASE + "/exports/{id}/file", "Download a completed export (application/zip;"
                + " kept 24 hours); 409 while not ready", null, 200, null, List.of(400, 404, 409)), this::file);
        routes.add(route(HandlerType.GET, BASE + "/erasure", "What erasing the account would remove", null, 200,
                "ErasurePreview", List.of(400, 404)), this::preview);
        routes.add(route(HandlerType.POST, BASE + "/erasure", "Erase the account and every row of it (the user or the bot"
                + " owner; cannot be undone). Characters it created go too, with others' conversations with them",
                "EraseRequest", 200, "ErasureDone", List.of(400, 404)), this::erase);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, "user data", summary, RouteAuth.USER, request, status, response, errors);
    }

    private UserDataUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private static String base(Context ctx) {
        return "/api/v1/users/" + ctx.pathParam("userId") + "/data/exports";
    }

    private void start(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        var job = uc().exporting().start(actor, ctx.pathParam("userId"));
        ctx.status(202).json(Map.of("export", ExportView.of(job, base(ctx))));
    }

    private void status(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        ctx.json(Map.of("export", ExportView.of(uc().exporting().status(actor, ctx.pathParam("userId"), id), base(ctx))));
    }

    private void file(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        sendZip(ctx, uc().exporting().download(actor, ctx.pathParam("userId"), id));
    }

    static void sendZip(Context ctx, ExportingUserData.Download download) {
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .result(download.zip());
    }

    private void preview(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ErasingUser.Report r = uc().erasing().preview(actor, ctx.pathParam("userId"));
        ctx.json(Map.of("userId", r.discordId(), "removes", counts(r.counts()), "confirmation", ErasingUser.CONFIRMATION));
    }

    private void erase(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("confirmation"));
        String confirmation = body.string("confirmation").orElse(null);
        ErasingUser.Report r = uc().erasing().erase(actor, ctx.pathParam("userId"), confirmation);
        ctx.json(Map.of("userId", r.discordId(), "removed", counts(r.counts())));
    }

    static Map<String, Object> counts(ErasureCounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personas", c.personas());
        m.put("presets", c.presets());
        m.put("characters", c.characters());
        m.put("memories", c.memories());
        m.put("messages", c.messages());
        m.put("othersMessages", c.othersMessages());
        m.put("othersMemories", c.othersMemories());
        return m;
    }
}
