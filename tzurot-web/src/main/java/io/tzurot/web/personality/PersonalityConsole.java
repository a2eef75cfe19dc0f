package io.tzurot.web.personality;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.tzurot.core.access.Actor;
import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.personality.EditingPersonality;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Console → Characters: the list, the create form and the edit form, each with avatar upload and a
 * preview of the chosen image before it is sent. Changes use the same rules as the API.
 */
public final class PersonalityConsole {

    private final Supplier<Optional<ManagementUseCases>> useCases;
    private final ConsolePageMaker console;

    public PersonalityConsole(Supplier<Optional<ManagementUseCases>> useCases, ConsolePageMaker console) {
        this.useCases = useCases;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/characters", this::list);
        app.get("/console/characters/new", this::newForm);
        app.post("/console/characters", this::create);
        app.get("/console/characters/{slug}", this::editForm);
        app.post("/console/characters/{slug}", this::update);
        app.delete("/console/characters/{slug}", this::delete);
    }

    private ManagementUseCases uc() {
        return useCases.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        List<PersonalityView> characters = uc().viewingPersonalities().list(actor).stream()
                .map(p -> PersonalityView.of(p, actor.userId(), actor.mayManage(p.ownerId()), null, null)).toList();
        ConsoleForms.html(ctx, Templates.render("characters/list.jte", Map.of(
                "page", console.page("Characters", ConsoleSection.CHARACTERS, actor), "characters", characters)));
    }

    private void newForm(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        render(ctx, actor, Optional.empty(), true, false);
    }

    private void editForm(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ViewingPersonalities viewing = uc().viewingPersonalities();
        Personality p = viewing.visible(actor, ctx.pathParam("slug"));
        render(ctx, actor, Optional.of(p), viewing.mayEdit(actor, p), viewing.hasAvatar(p));
    }

    private void render(Context ctx, Actor actor, Optional<Personality> p, boolean canEdit, boolean hasAvatar) {
        Map<String, String> values = new LinkedHashMap<>();
        PersonalityFields.TEXT.forEach(f -> values.put(f.name(), PersonalityFields.valueOf(f, p)));
        Map<String, Object> model = new HashMap<>();
        model.put("page", console.page(p.map(Personality::shownName).orElse("New character"), ConsoleSection.CHARACTERS, actor));
        model.put("creating", p.isEmpty());
        model.put("slug", p.map(Personality::slug).orElse(""));
        model.put("values", values);
        model.put("isPublic", p.map(Personality::isPublic).orElse(false));
        model.put("canEdit", p.isEmpty() || canEdit);
        model.put("avatarUrl", p.map(PersonalityView::avatarUrl).orElse(""));
        model.put("hasAvatar", hasAvatar);
        model.put("maySetSlug", EditingPersonality.mayChangeSlug(actor));
        ConsoleForms.html(ctx, Templates.render("characters/form.jte", model));
    }

    private void create(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ManagementUseCases uc = uc();
        PersonalityInput input = PersonalityFields.fromForm(ctx::formParam, PersonalityInput.blank());
        // the image is checked before anything is written, so a bad file leaves no character behind
        Optional<byte[]> avatar = avatar(ctx);
        Personality created = uc.creatingPersonality().create(actor, input);
        avatar.ifPresent(bytes -> uc.editingPersonality().setAvatar(actor, created.slug(), bytes));
        ConsoleForms.redirect(ctx, "/console/characters");
    }

    private void update(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.pathParam("slug");
        uc.viewingPersonalities().editable(actor, slug);
        Optional<byte[]> avatar = avatar(ctx);
        Personality updated = uc.editingPersonality().edit(actor, slug,
                current -> PersonalityFields.fromForm(ctx::formParam, current));
        avatar.ifPresent(bytes -> uc.editingPersonality().setAvatar(actor, updated.slug(), bytes));
        ConsoleForms.redirect(ctx, "/console/characters/" + updated.slug());
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        uc().deletingPersonality().delete(actor, ctx.pathParam("slug"));
        ConsoleForms.redirect(ctx, "/console/characters");
    }

    /** The uploaded avatar, prepared by core's one image rule; empty when no file was chosen. */
    private static Optional<byte[]> avatar(Context ctx) {
        UploadedFile file = ctx.uploadedFile("avatar");
        if (file == null || file.size() == 0) {
            return Optional.empty();
        }
        AvatarImages.requireSize("avatar", file.size());
        try (InputStream in = file.content()) {
            return Optional.of(AvatarImages.SHARED.prepare("avatar", in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
