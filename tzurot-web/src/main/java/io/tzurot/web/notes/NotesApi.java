package io.tzurot.web.notes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import io.tzurot.core.notes.NoteInput;
import io.tzurot.core.notes.NoteLimits;
import io.tzurot.core.notes.NoteOwner;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.auth.Access;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Author's notes and user prompts over HTTP. A GET answers {@code {"note": null}} / {@code {"prompt": null}} when
 * none is set; a DELETE is 204 whether or not one was. Who may do what is core's ({@code EditingAuthorsNotes},
 * {@code EditingUserPrompts}); a channel's note is the bot owner's from here (Discord members use {@code /note}).
 */
public final class NotesApi {

    private static final String TAG = "notes";
    private final Supplier<Optional<NotesServices>> services;

    public NotesApi(Supplier<Optional<NotesServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> depth = Map.of("type", "integer", "minimum", 0, "maximum", NoteLimits.MAX_DEPTH,
                "description", "Messages from the end of the conversation (0 = after the newest; default 4)");
        Map<String, Object> frequency = Map.of("type", "integer", "minimum", 0, "maximum", NoteLimits.MAX_FREQUENCY,
                "description", "Every n-th user message (0 = never, 1 = every message; default 1)");
        Map<String, Object> role = Map.of("type", "string", "enum", List.of("system", "user", "assistant"),
                "description", "The role the note speaks with (default system)");
        s.define("AuthorsNote", Schemas.object(List.of("scope", "content", "depth", "role", "frequency", "tokens",
                "updatedAt"), Map.of(
                "scope", Schemas.string("character, channel or user"),
                "personality", Schemas.nullable(Schemas.string("The character's slug (character and user notes)")),
                "content", Schemas.string("The note; {{user}} and {{char}} are replaced", NoteLimits.MAX_CHARS),
                "depth", depth, "role", role, "frequency", frequency,
                "tokens", Map.of("type", "integer", "description", "Tokens of the note (at most "
                        + NoteLimits.MAX_NOTE_TOKENS + ")"),
                "updatedAt", Schemas.format("date-time", "When it last changed"))));
        s.define("AuthorsNoteAnswer", Schemas.object(List.of("note"), Map.of("note",
                Schemas.nullable(Schemas.ref("AuthorsNote")))));
        s.define("SetAuthorsNote", Schemas.object(List.of(), Map.of(
                "content", Schemas.string("The note (required for a new note; absent keeps the current text)",
                        NoteLimits.MAX_CHARS), "depth", depth, "role", role, "frequency", frequency)));
        s.define("UserPrompt", Schemas.object(List.of("content", "tokens", "updatedAt"), Map.of(
                "personality", Schemas.nullable(Schemas.string("The character's slug; null for every character")),
                "content", Schemas.string("Your addition to the system prompt", NoteLimits.MAX_CHARS),
                "tokens", Map.of("type", "integer", "description", "Its tokens (at most "
                        + NoteLimits.MAX_USER_PROMPT_TOKENS + ")"),
                "updatedAt", Schemas.format("date-time", "When it last changed"))));
        s.define("UserPromptAnswer", Schemas.object(List.of("prompt"), Map.of("prompt",
                Schemas.nullable(Schemas.ref("UserPrompt")))));
        s.define("UserPrompts", Schemas.object(List.of("prompts"), Map.of("prompts",
                Schemas.arrayOf(Schemas.ref("UserPrompt")))));
        s.define("SetUserPrompt", Schemas.object(List.of("content"), Map.of("content",
                Schemas.string("Your addition to the system prompt (at most " + NoteLimits.MAX_USER_PROMPT_TOKENS
                        + " tokens)", NoteLimits.MAX_CHARS))));

        note(routes, "/api/v1/authors-notes/me", "your own author's note for every character", RouteAuth.USER,
                ctx -> new NoteOwner.Mine(Access.requireActor(ctx), Optional.empty()));
        note(routes, "/api/v1/authors-notes/me/{slug}", "your own author's note for one character", RouteAuth.USER,
                ctx -> new NoteOwner.Mine(Access.requireActor(ctx), Optional.of(ctx.pathParam("slug"))));
        note(routes, "/api/v1/authors-notes/characters/{slug}", "a character's author's note (who may edit it)",
                RouteAuth.USER, ctx -> new NoteOwner.Character(Access.requireActor(ctx), ctx.pathParam("slug")));
        note(routes, "/api/v1/admin/channels/{channelId}/authors-note", "a Discord channel's author's note (bot owner)",
                RouteAuth.OWNER, ctx -> new NoteOwner.ChannelAsOperator(Access.requireActor(ctx),
                        ctx.pathParam("channelId")));

        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/user-prompts", TAG,
                "Your user prompts: the one for every character first, then one per character", RouteAuth.USER, null,
                200, "UserPrompts", List.of()), this::listPrompts);
        prompt(routes, "/api/v1/user-prompts/all", "your user prompt for every character", ctx -> Optional.empty());
        prompt(routes, "/api/v1/user-prompts/characters/{slug}", "your user prompt for one character",
                ctx -> Optional.of(ctx.pathParam("slug")));
    }

    private NotesServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void note(RouteRegistry routes, String path, String what, RouteAuth auth, Function<Context, NoteOwner> owner) {
        routes.add(new ApiRoute(HandlerType.GET, path, TAG, "Show " + what, auth, null, 200, "AuthorsNoteAnswer",
                List.of(400, 404)), ctx -> ctx.json(noteAnswer(services().notes().show(owner.apply(ctx)))));
        routes.add(new ApiRoute(HandlerType.PUT, path, TAG, "Set " + what + " (absent fields keep their value)",
                auth, "SetAuthorsNote", 200, "AuthorsNoteAnswer", List.of(400, 404)),
                ctx -> ctx.json(noteAnswer(Optional.of(services().notes().set(owner.apply(ctx), input(ctx))))));
        routes.add(new ApiRoute(HandlerType.DELETE, path, TAG, "Clear " + what, auth, null, 204, null,
                List.of(400, 404)), ctx -> {
                    services().notes().clear(owner.apply(ctx));
                    ctx.status(204);
                });
    }

    private void prompt(RouteRegistry routes, String path, String what, Function<Context, Optional<String>> slug) {
        routes.add(new ApiRoute(HandlerType.GET, path, TAG, "Show " + what, RouteAuth.USER, null, 200,
                "UserPromptAnswer", List.of(404)), ctx -> ctx.json(promptAnswer(services().prompts()
                        .show(Access.requireActor(ctx), slug.apply(ctx)))));
        routes.add(new ApiRoute(HandlerType.PUT, path, TAG, "Set " + what, RouteAuth.USER, "SetUserPrompt", 200,
                "UserPromptAnswer", List.of(400, 404)), ctx -> {
                    Actor actor = Access.requireActor(ctx);
                    String content = Inputs.jsonBody(ctx).allowOnly(Set.of("content"))
                            .requiredString("content", NoteLimits.MAX_CHARS * 2);
                    ctx.json(promptAnswer(Optional.of(services().prompts().set(actor, slug.apply(ctx), content))));
                });
        routes.add(new ApiRoute(HandlerType.DELETE, path, TAG, "Clear " + what, RouteAuth.USER, null, 204, null,
                List.of(404)), ctx -> {
                    services().prompts().clear(Access.requireActor(ctx), slug.apply(ctx));
                    ctx.status(204);
                });
    }

    private void listPrompts(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("prompts", services().prompts().mine(actor).stream().map(NotesApi::promptJson).toList()));
    }

    /** The body as core's input; core validates the values, the body only their JSON types. */
    private static NoteInput input(Context ctx) {
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("content", "depth", "role", "frequency"));
        String content = body.has("content") ? body.requiredString("content", NoteLimits.MAX_CHARS * 2) : null;
        Integer depth = body.has("depth") ? (int) body.requiredInteger("depth", -1, NoteLimits.MAX_DEPTH + 1) : null;
        String role = body.has("role") ? body.requiredString("role", 20) : null;
        Integer frequency = body.has("frequency")
                ? (int) body.requiredInteger("frequency", -1, NoteLimits.MAX_FREQUENCY + 1) : null;
        return new NoteInput(content, depth, role, frequency);
    }

    private static Map<String, Object> noteAnswer(Optional<EditingAuthorsNotes.Shown> shown) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("note", shown.map(NotesApi::noteJson).orElse(null));
        return out;
    }

    /** A note as JSON (the console reads the same shape). */
    static Map<String, Object> noteJson(EditingAuthorsNotes.Shown shown) {
        AuthorsNote n = shown.note();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", n.scope().kind());
        m.put("personality", shown.slug().orElse(null));
        m.put("content", n.content());
        m.put("depth", n.depth());
        m.put("role", n.role().wireName());
        m.put("frequency", n.frequency());
        m.put("tokens", shown.tokens());
        m.put("updatedAt", n.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> promptAnswer(Optional<EditingUserPrompts.Shown> shown) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("prompt", shown.map(NotesApi::promptJson).orElse(null));
        return out;
    }

    static Map<String, Object> promptJson(EditingUserPrompts.Shown shown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personality", shown.slug().orElse(null));
        m.put("content", shown.prompt().content());
        m.put("tokens", shown.tokens());
        m.put("updatedAt", shown.prompt().updatedAt().toString());
        return m;
    }
}
