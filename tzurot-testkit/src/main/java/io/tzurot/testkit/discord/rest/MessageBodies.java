package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.service.MessageDraft;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a message-creating request: plain JSON, or multipart with {@code payload_json} and {@code files[n]}. */
final class MessageBodies {

    /** The raw JSON payload (for fields such as a webhook's {@code username}) and the draft built from it. */
    record Parsed(JsonNode payload, MessageDraft draft) {
    }

    private MessageBodies() {
    }

    static Parsed parse(Context ctx, SimStore store) {
        JsonNode payload;
        List<SimAttachment> files = new ArrayList<>();
        if (ctx.isMultipartFormData()) {
            String json = ctx.formParam("payload_json");
            payload = json == null ? Json.object() : parseJson(json);
            Map<String, List<UploadedFile>> sorted = new TreeMap<>(ctx.uploadedFileMap());
            sorted.values().forEach(list -> list.forEach(f -> files.add(attachment(store, f))));
        } else {
            payload = Rest.body(ctx);
        }
        return new Parsed(payload, draft(payload, files));
    }

    static MessageDraft draft(JsonNode payload, List<SimAttachment> files) {
        return MessageDraft.fromPayload(payload, files);
    }

    private static SimAttachment attachment(SimStore store, UploadedFile file) {
        try (InputStream in = file.content()) {
            String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
            return new SimAttachment(store.nextId(), file.filename(), type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read uploaded file " + file.filename(), e);
        }
    }

    private static JsonNode parseJson(String json) {
        try {
            return Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, 50109, "The request body contains invalid JSON.");
        }
    }
}
