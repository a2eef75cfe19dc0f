package io.tzurot.web.userdata;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.userdata.DataRights;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Console → Your data: export everything as a ZIP (progress shown while it runs, then a download) and erase
 * the account after typing the confirmation phrase; the caller's own account only (the bot owner erases
 * others through the API or {@code tzurot user erase}).
 */
public final class UserDataConsole {

    private static final String BASE = "/console/data/exports";

    private final Supplier<Optional<UserDataUseCases>> services;
    private final ConsolePageMaker console;

    public UserDataConsole(Supplier<Optional<UserDataUseCases>> services, ConsolePageMaker console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/data", this::page);
        app.post("/console/data/exports", this::start);
        app.get("/console/data/exports/{id}", this::status);
        app.get("/console/data/exports/{id}/file", this::file);
        app.post("/console/data/erasure", this::erase);
    }

    private UserDataUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("page", console.page("Your data", ConsoleSection.DATA, actor));
        m.put("latest", null);
        m.put("removes", UserDataApi.counts(uc().erasing().preview(actor, DataRights.ME).counts()));
        m.put("confirmation", ErasingUser.CONFIRMATION);
        ConsoleForms.html(ctx, Templates.render("data/page.jte", m));
    }

    private void start(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ExportJob job = uc().exporting().start(actor, DataRights.ME);
        status(ctx, ExportView.of(job, BASE));
    }

    private void status(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        status(ctx, ExportView.of(uc().exporting().status(actor, DataRights.ME, id), BASE));
    }

    private static void status(Context ctx, ExportView view) {
        Map<String, Object> m = new HashMap<>();
        m.put("export", view);
        ConsoleForms.html(ctx, Templates.render("data/status.jte", m));
    }

    private void file(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        UserDataApi.sendZip(ctx, uc().exporting().download(actor, DataRights.ME, id));
    }

    private void erase(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        // a wrong phrase is a domain error, shown in the page's alert area
        uc().erasing().erase(actor, DataRights.ME, ctx.formParam("confirmation"));
        // the session went with the account
        ConsoleForms.redirect(ctx, "/");
    }
}
