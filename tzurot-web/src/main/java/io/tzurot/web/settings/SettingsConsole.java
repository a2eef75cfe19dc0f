package io.tzurot.web.settings;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.apikey.ManagingApiKeys;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.apikey.ApiKeyView;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.personality.PersonalityView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Console → Settings → keys, time zone and the effective settings with the tier of each value. */
public final class SettingsConsole {

    private final Supplier<Optional<ManagementUseCases>> services;
    private final ConsolePageMaker console;

    public SettingsConsole(Supplier<Optional<ManagementUseCases>> services, ConsolePageMaker console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/settings/preferences", this::page);
        app.post("/console/settings/timezone", this::timezone);
        app.post("/console/settings/keys", this::setKey);
        app.delete("/console/settings/keys/{provider}", this::deleteKey);
        app.get("/console/settings/cascade", this::cascade);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        List<PersonalityView> personalities = uc.viewingPersonalities().list(actor).stream()
                .map(p -> PersonalityView.of(p, actor.userId(), false, null, null)).toList();
        ManagingApiKeys keys = uc.apiKeys();
        Map<String, Object> model = new HashMap<>();
        model.put("page", console.page("Settings", ConsoleSection.SETTINGS, actor));
        model.put("timezone", uc.settings().timezone(actor));
        model.put("keys", keyViews(keys, actor));
        model.put("providers", keys.providers());
        model.put("keysEnabled", keys.enabled());
        model.put("personalities", personalities);
        model.put("cascade", SettingsApi.resolve(uc, actor.userId(), Optional.empty()));
        ConsoleForms.html(ctx, Templates.render("settings/preferences.jte", model));
    }

    private void timezone(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        uc().settings().setTimezone(actor, ctx.formParam("timezone"));
        ConsoleForms.html(ctx, "<p class=\"notice\" role=\"status\">Time zone saved.</p>");
    }

    private void setKey(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ManagingApiKeys keys = uc().apiKeys();
        keys.set(actor, ctx.formParam("provider"), ctx.formParam("apiKey"));
        ctx.header("Cache-Control", "no-store");
        keyList(ctx, keys, actor);
    }

    private void deleteKey(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ManagingApiKeys keys = uc().apiKeys();
        keys.remove(actor, ctx.pathParam("provider"));
        keyList(ctx, keys, actor);
    }

    private static List<ApiKeyView> keyViews(ManagingApiKeys keys, Actor actor) {
        return keys.list(actor).stream().map(ApiKeyView::of).toList();
    }

    private void keyList(Context ctx, ManagingApiKeys keys, Actor actor) {
        ConsoleForms.html(ctx, Templates.render("settings/keyList.jte", Map.of("keys", keyViews(keys, actor))));
    }

    private void cascade(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.queryParam("personality");
        Optional<Personality> p = slug == null || slug.isBlank() ? Optional.empty()
                : Optional.of(uc.viewingPersonalities().visible(actor, slug.strip()));
        ConsoleForms.html(ctx, Templates.render("settings/cascade.jte",
                Map.of("cascade", SettingsApi.resolve(uc, actor.userId(), p))));
    }
}
