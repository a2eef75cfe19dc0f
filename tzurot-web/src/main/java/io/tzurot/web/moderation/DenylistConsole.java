package io.tzurot.web.moderation;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.moderation.DenialCaller;
import io.tzurot.core.moderation.DenialTarget;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Console → Denylist: the bot owner's list of active denials, a form to add one, and a button to lift one. */
public final class DenylistConsole {

    private final Supplier<Optional<ManagingDenials>> services;
    private final ConsolePageMaker console;

    public DenylistConsole(Supplier<Optional<ManagingDenials>> services, ConsolePageMaker console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/denylist", this::page);
        app.post("/console/denylist", this::add);
        app.delete("/console/denylist/{type}/{discordId}", this::remove);
    }

    private ManagingDenials denials() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("denials", views(DenialCaller.outsideServers(actor)));
        m.put("page", console.page("Denylist", ConsoleSection.DENYLIST, actor));
        ConsoleForms.html(ctx, Templates.render("denylist/page.jte", m));
    }

    private void add(Context ctx) {
        DenialCaller caller = DenialCaller.outsideServers(ConsoleForms.requireHtmx(ctx));
        DenialTarget target = DenylistApi.target(ctx.formParam("target"), Optional.ofNullable(ctx.formParam("type")));
        denials().add(caller, target, ctx.formParam("mode"), ctx.formParam("duration"), ctx.formParam("reason"));
        list(ctx, caller);
    }

    private void remove(Context ctx) {
        DenialCaller caller = DenialCaller.outsideServers(ConsoleForms.requireHtmx(ctx));
        denials().remove(caller, DenialTarget.of(ctx.pathParam("type"), ctx.pathParam("discordId")));
        list(ctx, caller);
    }

    private List<DenialView> views(DenialCaller caller) {
        return denials().browse(caller, Optional.empty()).stream().map(DenialView::of).toList();
    }

    private void list(Context ctx, DenialCaller caller) {
        ConsoleForms.html(ctx, Templates.render("denylist/list.jte", Map.of("denials", views(caller))));
    }
}
