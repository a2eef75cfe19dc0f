package io.tzurot.web.personality;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.personality.ViewingPersonalities;
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
import java.util.function.Supplier;

/**
 * {@code /api/v1/personalities}: list, create, read, change (including visibility), delete, avatar and
 * aliases. Personalities the caller may not see answer 404; visible ones of another user answer 403 to changes.
 */
public final class PersonalityApi {

    static final String TAG = "personalities";
    /** Longest alias, in characters. */
    public static final int MAX_ALIAS = io.tzurot.core.personality.PersonalityFields.MAX_ALIAS;

    private final Supplier<Optional<ManagementUseCases>> useCases;

    public PersonalityApi(Supplier<Optional<ManagementUseCases>> useCases) {
        this.useCases = useCases;
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
        for (var f : PersonalityFields.TEXT) {
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

    private ManagementUseCases uc() {
        return useCases.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        List<PersonalityView> views = uc().viewingPersonalities().list(actor).stream()
                .map(p -> PersonalityView.of(p, actor.userId(), actor.mayManage(p.ownerId()), null, null))
                .toList();
        ctx.json(Map.of("personalities", views));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PersonalityInput input = PersonalityFields.fromBody(Inputs.jsonBody(ctx), PersonalityInput.blank());
        ManagementUseCases uc = uc();
        Personality created = uc.creatingPersonality().create(actor, input);
        ctx.status(201).json(Map.of("personality", view(uc.viewingPersonalities(), created, actor)));
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ViewingPersonalities viewing = uc().viewingPersonalities();
        ctx.json(Map.of("personality", view(viewing, viewing.visible(actor, ctx.pathParam("slug")), actor)));
    }

    private void patch(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        Personality updated = uc.editingPersonality().edit(actor, ctx.pathParam("slug"),
                current -> PersonalityFields.fromBody(Inputs.jsonBody(ctx), current));
        ctx.json(Map.of("personality", view(uc.viewingPersonalities(), updated, actor)));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().deletingPersonality().delete(actor, ctx.pathParam("slug"));
        ctx.status(204);
    }

    private void addAlias(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.pathParam("slug");
        // the caller's rights are checked before the body is read
        uc.viewingPersonalities().editable(actor, slug);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("alias"));
        String alias = body.string("alias").orElse(null);
        ctx.status(201).json(Map.of("aliases", uc.editingPersonality().addAlias(actor, slug, alias)));
    }

    private void removeAlias(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().editingPersonality().removeAlias(actor, ctx.pathParam("slug"), ctx.pathParam("alias"));
        ctx.status(204);
    }

    static PersonalityView view(ViewingPersonalities viewing, Personality p, Actor actor) {
        return PersonalityView.of(p, actor.userId(), viewing.mayEdit(actor, p), viewing.hasAvatar(p), viewing.aliases(p));
    }
}
