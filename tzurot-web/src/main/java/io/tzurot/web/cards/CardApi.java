package io.tzurot.web.cards;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.tzurot.core.access.Actor;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.CharacterPreview;
import io.tzurot.core.card.ExportedFile;
import io.tzurot.core.card.ImportedCharacter;
import io.tzurot.core.card.LorebookFormat;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Uploads;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Import and export of characters and lorebooks: {@code POST /api/v1/personalities/import} (multipart field
 * {@code file}: a card as .png, .json or .charx, or the reference's JSON), a preview of the same without saving,
 * {@code GET /api/v1/personalities/{slug}/export?format=tzurot|card-json|card-png|charx}, and the lorebook routes.
 * Who may do what is decided by the core's {@link CardUseCases}.
 */
public final class CardApi {

    static final String TAG = "portability";
    private static final String UPLOAD_MEDIA = "multipart/form-data";

    private final Supplier<Optional<CardUseCases>> useCases;

    public CardApi(Supplier<Optional<CardUseCases>> useCases) {
        this.useCases = useCases;
    }

    public void register(RouteRegistry routes) {
        defineSchemas(routes.schemas());
        routes.add(route(HandlerType.POST, "/api/v1/personalities/import", "Import a character file (multipart field"
                        + " 'file': a SillyTavern card as .png, .json or .charx, or the reference's character JSON) owned by"
                        + " the caller; its embedded lorebook is attached. Nothing is saved when any part fails",
                "CharacterFileUpload", 201, "ImportedCharacter", List.of(400, 409, 413)), this::importFile);
        routes.add(route(HandlerType.POST, "/api/v1/personalities/import/preview", "What a character file would import"
                        + " as (fields, first greeting, image, lorebook entry count), without saving anything",
                "CharacterFileUpload", 200, "CharacterPreview", List.of(400, 413)), this::preview);
        routes.add(route(HandlerType.GET, "/api/v1/personalities/{slug}/export", "Export a character the caller may edit;"
                        + " query format=tzurot|card-json|card-png|charx (default card-json). card-png is the avatar with"
                        + " both a V2 'chara' and a V3 'ccv3' chunk",
                null, 200, "CharacterExport", List.of(400, 403, 404)), this::export);
        routes.add(route(HandlerType.GET, "/api/v1/lorebooks", "The caller's lorebooks", null, 200, "LorebookList",
                List.of()), this::listBooks);
        routes.add(route(HandlerType.POST, "/api/v1/lorebooks/import", "Import a SillyTavern world-info file, a"
                        + " character_book or a lorebook_v3 (multipart field 'file'; optional fields 'name' and 'attachTo',"
                        + " a character slug the caller may edit)",
                "LorebookFileUpload", 201, "LorebookSummary", List.of(400, 403, 404, 413)), this::importBook);
        routes.add(route(HandlerType.GET, "/api/v1/lorebooks/{id}/export", "Export one of the caller's lorebooks; query"
                        + " format=world-info|character-book (default world-info)",
                null, 200, "LorebookExport", List.of(400, 404)), this::exportBook);
        routes.add(route(HandlerType.DELETE, "/api/v1/lorebooks/{id}", "Delete one of the caller's lorebooks", null, 204,
                null, List.of(404)), this::deleteBook);
        routes.add(route(HandlerType.GET, "/api/v1/personalities/{slug}/lorebooks", "The lorebooks attached to a character"
                + " the caller may see", null, 200, "LorebookList", List.of(404)), this::attachedBooks);
        routes.add(route(HandlerType.GET, "/api/v1/personalities/{slug}/lorebook", "Every entry of the lorebooks"
                + " attached to a character the caller may see (keys, secondaryKeys, content, constant, position, order,"
                + " timing, groups)", null, 200, "CharacterLorebook", List.of(404)), this::attachedEntries);
        routes.add(route(HandlerType.PUT, "/api/v1/personalities/{slug}/lorebooks/{id}", "Attach one of the caller's"
                + " lorebooks to a character the caller may edit", null, 204, null, List.of(403, 404)), this::attachBook);
        routes.add(route(HandlerType.DELETE, "/api/v1/personalities/{slug}/lorebooks/{id}", "Detach a lorebook from a"
                + " character the caller may edit", null, 204, null, List.of(403, 404)), this::detachBook);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, TAG, summary, RouteAuth.USER, request, status, response, errors);
    }

    private static void defineSchemas(Schemas s) {
        LoreEntriesJson.define(s);
        Map<String, Object> file = new LinkedHashMap<>(Schemas.object(List.of("file"), Map.of("file",
                Schemas.format("binary", "The character file (.png, .json or .charx)"))));
        file.put(Schemas.MEDIA_TYPE, UPLOAD_MEDIA);
        s.define("CharacterFileUpload", file);
        Map<String, Object> bookProps = new LinkedHashMap<>();
        bookProps.put("file", Schemas.format("binary", "The world-info or character_book JSON"));
        bookProps.put("name", Schemas.string("The lorebook's name (default: the file's own, else the file name)", 255));
        bookProps.put("attachTo", Schemas.string("Slug of a character to attach it to"));
        Map<String, Object> book = new LinkedHashMap<>(Schemas.object(List.of("file"), bookProps));
        book.put(Schemas.MEDIA_TYPE, UPLOAD_MEDIA);
        s.define("LorebookFileUpload", book);
        s.define("ImportedCharacter", Schemas.object(List.of("slug", "name", "lorebookEntries"), Map.of(
                "slug", Schemas.string("The new character's slug"),
                "name", Schemas.string("Its name"),
                "lorebookEntries", Map.of("type", "integer", "description", "Entries of the lorebook that came with it"))));
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("kind", Schemas.string("card-v1, card-v2, card-v3 or tzurot"));
        preview.put("name", Schemas.string("Name"));
        preview.put("slug", Schemas.string("The slug it would get"));
        preview.put("characterInfo", Schemas.string("Description / character info"));
        preview.put("personalityTraits", Schemas.string("Personality"));
        preview.put("firstMessage", Schemas.string("First greeting"));
        preview.put("alternateGreetings", Schemas.arrayOf(Schemas.string("Greeting")));
        preview.put("scenario", Schemas.string("Scenario"));
        preview.put("lorebookEntries", Map.of("type", "integer", "description", "Lorebook entries"));
        preview.put("image", Schemas.nullable(Schemas.string("The image as base64, or null")));
        s.define("CharacterPreview", Schemas.object(List.of("kind", "name", "slug", "lorebookEntries"), preview));
        Map<String, Object> export = new LinkedHashMap<>(Schemas.format("binary", "The exported file"));
        export.put(Schemas.MEDIA_TYPE, List.of("application/json", "image/png", "application/zip"));
        s.define("CharacterExport", export);
        Map<String, Object> bookExport = new LinkedHashMap<>(Schemas.object(List.of(), Map.of()));
        s.define("LorebookExport", bookExport);
        s.define("LorebookSummary", Schemas.object(List.of("id", "name", "entryCount"), Map.of(
                "id", Schemas.format("uuid", "Lorebook id"), "name", Schemas.string("Name"),
                "entryCount", Map.of("type", "integer", "description", "Entries"))));
        s.define("LorebookList", Schemas.object(List.of("lorebooks"),
                Map.of("lorebooks", Schemas.arrayOf(Schemas.ref("LorebookSummary")))));
    }

    private CardUseCases uc() {
        return useCases.get().orElseThrow(ApiException::starting);
    }

    private void importFile(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Upload upload = Upload.of(ctx);
        ImportedCharacter imported = uc().importing().importFile(actor, upload.name(), upload.bytes());
        ctx.status(201).json(imported(imported));
    }

    /** The 201 body of an import. */
    static Map<String, Object> imported(ImportedCharacter imported) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", imported.personality().slug());
        body.put("name", imported.personality().name());
        body.put("lorebookEntries", imported.lorebookEntries());
        return body;
    }

    private void preview(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Upload upload = Upload.of(ctx);
        ctx.json(preview(uc().importing().preview(actor, upload.name(), upload.bytes())));
    }

    static Map<String, Object> preview(CharacterPreview p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", p.kind());
        body.put("name", p.name());
        body.put("slug", p.slug());
        body.put("characterInfo", p.characterInfo());
        body.put("personalityTraits", p.personalityTraits());
        body.put("firstMessage", p.firstMessage());
        body.put("alternateGreetings", p.alternateGreetings());
        body.put("scenario", p.scenario());
        body.put("lorebookEntries", p.lorebookEntries());
        body.put("image", p.image() == null ? null : Base64.getEncoder().encodeToString(p.image()));
        return body;
    }

    private void export(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("card-json");
        ExportedFile file = uc().exporting().export(actor, ctx.pathParam("slug"), CharacterExportFormat.named(format));
        send(ctx, file);
    }

    static void send(Context ctx, ExportedFile file) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
                .contentType(file.mediaType()).result(file.bytes());
    }

    private void listBooks(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("lorebooks", uc().lorebooks().list(actor).stream().map(b -> Map.of("id", b.id(), "name", b.name(),
                "entryCount", b.entryCount())).toList()));
    }

    private void importBook(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Upload upload = Upload.of(ctx);
        Optional<String> attachTo = Optional.ofNullable(ctx.formParam("attachTo")).filter(s -> !s.isBlank());
        Lorebook book = uc().lorebooks().importFile(actor, upload.name(), upload.bytes(), ctx.formParam("name"), attachTo);
        ctx.status(201).json(Map.of("id", book.id(), "name", book.name(), "entryCount", book.content().entries().size()));
    }

    private void exportBook(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("world-info");
        send(ctx, uc().lorebooks().export(actor, id(ctx), LorebookFormat.named(format)));
    }

    private void deleteBook(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().lorebooks().delete(actor, id(ctx));
        ctx.status(204);
    }

    private void attachedBooks(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("lorebooks", uc().lorebooks().attached(actor, ctx.pathParam("slug")).stream()
                .map(b -> Map.of("id", b.id(), "name", b.name(), "entryCount", b.entryCount())).toList()));
    }

    private void attachedEntries(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(LoreEntriesJson.body(uc().lorebooks().attachedBooks(actor, ctx.pathParam("slug"))));
    }

    private void attachBook(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().lorebooks().attach(actor, id(ctx), ctx.pathParam("slug"));
        ctx.status(204);
    }

    private void detachBook(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().lorebooks().detach(actor, id(ctx), ctx.pathParam("slug"));
        ctx.status(204);
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Lorebook '" + ctx.pathParam("id") + "'");
        }
    }

    /** An uploaded file: its name and bytes. */
    public record Upload(String name, byte[] bytes) {
        public static Upload of(Context ctx) {
            if (!Uploads.isMultipart(ctx)) {
                throw ApiException.badRequest("file", "Send the file as multipart/form-data in the field 'file'.");
            }
            UploadedFile file = Uploads.file(ctx, "file");
            try (InputStream in = file.content()) {
                return new Upload(file.filename(), in.readAllBytes());
            } catch (IOException e) {
                throw ApiException.badRequest("file", "The upload could not be read completely; send it again.");
            }
        }
    }
}
