package io.tzurot.web.settings;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.ManagementServices;
import io.tzurot.web.WebConsole;
import io.tzurot.web.apikey.ApiKeyApi;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.personality.PersonalityFinder;
import io.tzurot.web.personality.PersonalityView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Console → Settings → keys, time zone and the effective settings with the tier of each value. */
public final class SettingsConsole {

    private final Supplier<Optional<ManagementServices>> services;
    private final ApiKeyApi keys;
    private final WebConsole console;

    public SettingsConsole(Supplier<Optional<ManagementServices>> services, ApiKeyApi keys, WebConsole console) {
        this.services = services;
        this.keys = keys;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/settings/preferences", this::page);
        app.post("/console/settings/timezone", this::timezone);
        app.post("/console/settings/keys", this::setKey);
        app.delete("/console/settings/keys/{provider}", this::deleteKey);
        app.get("/console/settings/cascade", this::cascade);
    }

    private ManagementServices svc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        List<PersonalityView> personalities = svc.personalities().listVisible(PersonalityFinder.viewer(actor)).stream()
                .map(p -> PersonalityView.of(p, actor.userId(), false, null, null)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("page", console.page("Settings", ConsoleSection.SETTINGS, actor));
        model.put("timezone", svc.users().findById(actor.userId()).map(u -> u.timezone()).orElse("UTC"));
        model.put("keys", keys.list(actor));
        model.put("providers", keys.providers().stream().sorted().toList());
        model.put("keysEnabled", keys.enabled());
        model.put("personalities", personalities);
        model.put("cascade", SettingsApi.resolve(svc, actor.userId(), Optional.empty()));
        ConsoleForms.html(ctx, Templates.render("settings/preferences.jte", model));
    }

    private void timezone(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        String zone = SettingsApi.checkedZone(Inputs.requiredString("timezone", ctx.formParam("timezone"), 50));
        svc().users().setTimezone(actor.userId(), zone);
        ConsoleForms.html(ctx, "<p class=\"notice\" role=\"status\">Time zone saved.</p>");
    }

    private void setKey(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        String provider = keys.provider(ctx.formParam("provider"));
        keys.set(actor, provider, Inputs.requiredString("apiKey", ctx.formParam("apiKey"), ApiKeyApi.MAX_KEY_LENGTH));
        ctx.header("Cache-Control", "no-store");
        keyList(ctx, actor);
    }

    private void deleteKey(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        String provider = ctx.pathParam("provider");
        if (!keys.delete(actor, provider)) {
            throw ApiException.notFound("Your " + provider + " key");
        }
        keyList(ctx, actor);
    }

    private void keyList(Context ctx, Actor actor) {
        ConsoleForms.html(ctx, Templates.render("settings/keyList.jte", Map.of("keys", keys.list(actor))));
    }

    private void cascade(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        String slug = ctx.queryParam("personality");
        Optional<Personality> p = slug == null || slug.isBlank() ? Optional.empty()
                : Optional.of(PersonalityFinder.visible(svc.personalities(), slug.strip(), actor));
        ConsoleForms.html(ctx, Templates.render("settings/cascade.jte",
                Map.of("cascade", SettingsApi.resolve(svc, actor.userId(), p))));
    }
}
