package io.tzurot.web.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.portability.preset.PortingPresets;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.Uploads;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Preset files: {@code GET /api/v1/presets/template}, {@code GET /api/v1/presets/{id}/export} (the reference's
 * JSON, as a download) and {@code POST /api/v1/presets/import} (that JSON or a SillyTavern chat-completion
 * preset, sent as the body or as the multipart field {@code file}). Registered before {@link PresetApi}, so
 * {@code template} is not read as a preset id.
 */
public final class PresetFilesApi {

    /** Largest preset file accepted. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectMapper PRETTY = new ObjectMapper();

    private final Supplier<Optional<ManagementUseCases>> services;

    public PresetFilesApi(Supplier<Optional<ManagementUseCases>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("PresetFile", Map.of("type", "object", "additionalProperties", true, "description",
                "The reference's preset JSON {name, description, provider, model, visionModel, contextWindowTokens,"
                        + " advancedParameters{temperature, top_p, top_k, max_tokens, seed, frequency_penalty,"
                        + " presence_penalty, repetition_penalty, min_p, top_a, reasoning{effort, max_tokens, exclude,"
                        + " enabled}, show_thinking}}, or a SillyTavern chat-completion preset"));
        s.define("PresetImport", Schemas.object(List.of("preset", "format", "ignored", "notes"), Map.of(
                "preset", Schemas.ref("Preset"),
                "format", Map.of("type", "string", "enum", List.of("tzurot", "sillytavern"), "description",
                        "Which kind of file was read"),
                "ignored", Schemas.arrayOf(Schemas.string("A key of the file that was not used (dotted path)")),
                "notes", Schemas.arrayOf(Schemas.string("A value that was read but has no meaning here")))));
        routes.add(route(HandlerType.GET, "/api/v1/presets/template", "A preset file to fill in (the reference's JSON)",
                null, 200, "PresetFile", List.of()), this::template);
        routes.add(route(HandlerType.GET, "/api/v1/presets/{id}/export", "Download a preset as the reference's JSON"
                + " (its creator or the bot owner)", null, 200, "PresetFile", List.of(400, 403, 404)), this::export);
        routes.add(route(HandlerType.POST, "/api/v1/presets/import", "Create a private preset from a preset file: the"
                + " reference's JSON or a SillyTavern chat-completion preset, as the body or the multipart field 'file';"
                + " query 'name' names it (needed for SillyTavern files without one), 'model' replaces its model."
                + " Unused keys are listed in 'ignored'. At most 1 MiB.", "PresetFile", 201, "PresetImport",
                List.of(400, 409, 413)), this::importFile);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, "presets", summary, RouteAuth.USER, request, status, response, errors);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void template(Context ctx) {
        Access.requireActor(ctx);
        download(ctx, "preset-template.json", PortingPresets.templateJson());
    }

    private void export(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Map<String, Object> json = uc().portingPresets().export(actor, Inputs.uuid("id", ctx.pathParam("id")));
        download(ctx, safeName(String.valueOf(json.get("name"))) + ".json", json);
    }

    private void importFile(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Upload upload = fileBytes(ctx);
        Map<String, Object> json = presetFile(upload.bytes());
        Optional<String> name = Inputs.optionalString("name", ctx.queryParam("name"),
                io.tzurot.core.preset.PresetFields.MAX_NAME);
        Optional<String> model = Optional.ofNullable(ctx.queryParam("model")).filter(m -> !m.isBlank());
        PortingPresets.Imported done = uc().portingPresets().importFile(actor, json, name, model, upload.baseName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("preset", PresetView.of(done.preset(), actor, uc().viewingPresets().myDefault(actor)));
        body.put("format", done.format().name().toLowerCase(Locale.ROOT));
        body.put("ignored", done.ignored());
        body.put("notes", done.notes());
        ctx.status(201).json(body);
    }

    /** The file as a JSON object; what is wrong with it is said of the field {@code file}. */
    static Map<String, Object> presetFile(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.badRequest("file", "The preset file is empty; send the reference's preset JSON or a"
                    + " SillyTavern chat-completion preset.");
        }
        try {
            return Inputs.parseObject(bytes).asMap();
        } catch (ApiException e) {
            if (e.status() == 400 && e.field() == null) {
                throw ApiException.badRequest("file", e.getMessage().replaceFirst("^The body", "The preset file"));
            }
            throw e;
        }
    }

    /** An uploaded file's bytes and its name without extension (empty for a plain body). */
    record Upload(byte[] bytes, Optional<String> baseName) {
    }

    /** The file: the multipart field {@code file}, or the whole body when it is JSON. */
    static Upload fileBytes(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (ctx.contentLength() > MAX_FILE_BYTES + 64 * 1024L) {
            throw ApiException.tooLarge("file", MAX_FILE_BYTES);
        }
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file = Uploads.file(ctx, "file");
            if (file.size() > MAX_FILE_BYTES) {
                throw ApiException.tooLarge("file", MAX_FILE_BYTES);
            }
            String base = file.filename() == null ? "" : file.filename().replaceAll("(?i)\\.json$", "");
            try (InputStream in = file.content()) {
                return new Upload(in.readNBytes(MAX_FILE_BYTES + 1), Optional.of(base).filter(b -> !b.isBlank()));
            } catch (IOException e) {
                throw ApiException.badRequest("file", "The uploaded file could not be read.");
            }
        }
        if (!type.startsWith("application/json")) {
            throw ApiException.badRequest("file", "Send the preset file as the body with 'Content-Type: application/json',"
                    + " or as the form field 'file' of a multipart/form-data request.");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_FILE_BYTES) {
            throw ApiException.tooLarge("file", MAX_FILE_BYTES);
        }
        return new Upload(bytes, Optional.empty());
    }

    static void download(Context ctx, String fileName, Map<String, Object> json) {
        try {
            ctx.contentType("application/json; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                            + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                    .result(PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preset JSON could not be written", e);
        }
    }

    /** A file name from a preset name: lower case letters, digits and dashes. */
    static String safeName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "preset" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
