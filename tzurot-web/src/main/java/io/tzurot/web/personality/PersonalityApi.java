package io.tzurot.web.personality;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.AliasTakenException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SlugTakenException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/personalities}: list, create, read, change (including visibility), delete, avatar and
 * aliases. Personalities the caller may not see answer 404; visible ones of another user answer 403 to changes.
 */
public final class PersonalityApi {

    static final String TAG = "personalities";
    /** Longest alias, in characters. */
    public static final int MAX_ALIAS = 100;

    private final Supplier<Optional<PersonalityRepository>> repository;

    public PersonalityApi(Supplier<Optional<PersonalityRepository>> repository) {
        this.repository = repository;
    }

    public void register(RouteRegistry routes) {
        defineSchemas(routes.schemas());
        String one = "/api/v1/personalities/{slug}";
        routes.add(route(HandlerType.GET, "/api/v1/personalities", "List the personalities the caller may see",
                null, 200, "PersonalityList", List.of()), this::list);
        routes.add(route(HandlerType.POST, "/api/v1/personalities", "Create a personality owned by the caller"
                        + " (name, slug, characterInfo and personalityTraits are required); 409 when the slug is taken",
                "CreatePersonality", 201, "PersonalityEnvelope", List.of(400, 409, 413)), this::create);
        routes.add(route(HandlerType.GET, one, "Read a personality the caller may see", null, 200, "PersonalityEnvelope",
                List.of(404)), this::get);
        routes.add(route(HandlerType.PATCH, one, "Change a personality: absent fields stay, null or \"\" clears an optional"
                        + " field, isPublic sets the visibility; only the bot owner may change the slug",
                "UpdatePersonality", 200, "PersonalityEnvelope", List.of(400, 403, 404, 409, 413)), this::patch);
        routes.add(route(HandlerType.DELETE, one, "Delete a personality (owner, co-owner or bot owner)", null, 204, null,
                List.of(403, 404)), this::delete);
        routes.add(route(HandlerType.POST, one + "/aliases", "Add an alias that also finds this personality; 409 when taken",
                "Alias", 201, "AliasList", List.of(400, 403, 404, 409)), this::addAlias);
        routes.add(route(HandlerType.DELETE, one + "/aliases/{alias}", "Remove one of the personality's aliases", null, 204,
                null, List.of(403, 404)), this::removeAlias);
    }

    static ApiRoute route(HandlerType method, String path, String summary, String request, int status, String response,
                          List<Integer> errors) {
        return new ApiRoute(method, path, TAG, summary, RouteAuth.USER, request, status, response, errors);
    }

    private static void defineSchemas(Schemas s) {
        Map<String, Object> writable = new LinkedHashMap<>();
        for (PersonalityFields.Field f : PersonalityFields.TEXT) {
            writable.put(f.name(), Schemas.nullable(Schemas.string(f.label(), f.max())));
        }
        writable.put("slug", Schemas.string("Lowercase letters, digits and single hyphens, 3-50 characters, starting"
                + " with a letter; not a reserved word", 50));
        writable.put("isPublic", Schemas.bool("Whether everyone may see and talk to it; default false"));
        s.define("CreatePersonality", Schemas.object(List.of("name", "slug", "characterInfo", "personalityTraits"), writable));
        s.define("UpdatePersonality", Schemas.object(List.of(), writable));
        Map<String, Object> shown = new LinkedHashMap<>(writable);
        shown.put("id", Schemas.format("uuid", "Personality id"));
        shown.put("ownerId", Schemas.format("uuid", "The owning user's id"));
        shown.put("isOwned", Schemas.bool("Whether the caller owns it"));
        shown.put("canEdit", Schemas.bool("Whether the caller may change it"));
        shown.put("hasAvatar", Schemas.nullable(Schemas.bool("Whether an avatar is stored (only on single reads)")));
        shown.put("avatarUrl", Schemas.string("Where the avatar is served (404 there when none is stored)"));
        shown.put("aliases", Schemas.nullable(Schemas.arrayOf(Schemas.string("Alias"))));
        shown.put("createdAt", Schemas.format("date-time", "Created"));
        shown.put("updatedAt", Schemas.format("date-time", "Last changed"));
        s.define("Personality", Schemas.object(List.of("id", "slug", "name", "isPublic"), shown));
        s.define("PersonalityEnvelope", Schemas.object(List.of("personality"), Map.of("personality", Schemas.ref("Personality"))));
        s.define("PersonalityList", Schemas.object(List.of("personalities"),
                Map.of("personalities", Schemas.arrayOf(Schemas.ref("Personality")))));
        s.define("Alias", Schemas.object(List.of("alias"), Map.of("alias",
                Schemas.string("Another name that finds the personality (stored lowercase)", MAX_ALIAS))));
        s.define("AliasList", Schemas.object(List.of("aliases"), Map.of("aliases", Schemas.arrayOf(Schemas.string("Alias")))));
    }

    private PersonalityRepository repo() {
        return repository.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityRepository repo = repo();
        List<PersonalityView> views = repo.listVisible(PersonalityFinder.viewer(actor)).stream()
                .map(p -> PersonalityView.of(p, actor.userId(), actor.mayManage(p.ownerId()), null, null))
                .toList();
        ctx.json(Map.of("personalities", views));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityDraft draft = PersonalityFields.create(Inputs.jsonBody(ctx));
        Personality created = create(repo(), actor, draft);
        ctx.status(201).json(Map.of("personality", view(repo(), created, actor)));
    }

    /** Creates, turning a taken slug into 409. */
    public static Personality create(PersonalityRepository repo, Actor actor, PersonalityDraft draft) {
        try {
            return repo.create(actor.userId(), draft);
        } catch (SlugTakenException e) {
            throw conflict("slug", "The slug '" + draft.slug() + "' is already taken; choose another.");
        }
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Personality p = PersonalityFinder.visible(repo(), ctx.pathParam("slug"), actor);
        ctx.json(Map.of("personality", view(repo(), p, actor)));
    }

    private void patch(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityRepository repo = repo();
        Personality current = PersonalityFinder.editable(repo, ctx.pathParam("slug"), actor);
        PersonalityDraft draft = PersonalityFields.patch(current, Inputs.jsonBody(ctx), actor.owner());
        Personality updated = update(repo, current, draft);
        ctx.json(Map.of("personality", view(repo, updated, actor)));
    }

    /** Updates, turning a taken slug into 409 and a vanished row into 404. */
    public static Personality update(PersonalityRepository repo, Personality current, PersonalityDraft draft) {
        try {
            return repo.update(current.id(), draft)
                    .orElseThrow(() -> ApiException.notFound("Personality '" + current.slug() + "'"));
        } catch (SlugTakenException e) {
            throw conflict("slug", "The slug '" + draft.slug() + "' is already taken; choose another.");
        }
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityRepository repo = repo();
        Personality p = PersonalityFinder.editable(repo, ctx.pathParam("slug"), actor);
        if (!repo.delete(p.id())) {
            throw ApiException.notFound("Personality '" + p.slug() + "'");
        }
        ctx.status(204);
    }

    private void addAlias(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityRepository repo = repo();
        Personality p = PersonalityFinder.editable(repo, ctx.pathParam("slug"), actor);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("alias"));
        String alias = body.requiredString("alias", MAX_ALIAS).toLowerCase(Locale.ROOT);
        try {
            repo.addAlias(p.id(), alias);
        } catch (AliasTakenException e) {
            throw conflict("alias", "The alias '" + alias + "' already points at a personality.");
        }
        ctx.status(201).json(Map.of("aliases", repo.aliases(p.id())));
    }

    private void removeAlias(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityRepository repo = repo();
        Personality p = PersonalityFinder.editable(repo, ctx.pathParam("slug"), actor);
        String alias = ctx.pathParam("alias").strip().toLowerCase(Locale.ROOT);
        // only this personality's own alias may be removed through its path
        if (!repo.aliases(p.id()).contains(alias)) {
            throw ApiException.notFound("Alias '" + alias + "' of '" + p.slug() + "'");
        }
        repo.removeAlias(alias);
        ctx.status(204);
    }

    static PersonalityView view(PersonalityRepository repo, Personality p, Actor actor) {
        boolean canEdit = PersonalityFinder.mayEdit(repo, p, actor);
        return PersonalityView.of(p, actor.userId(), canEdit, repo.hasAvatar(p.id()), repo.aliases(p.id()));
    }

    static ApiException conflict(String field, String message) {
        return new ApiException(409, "conflict", message, field);
    }
}
