package io.tzurot.web.admin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.admin.BotOwnerOnly;
import io.tzurot.core.admin.UsagePeriod;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Console → Admin (bot owner only): usage by period, the fleet's live processes, this process's main meters. */
public final class AdminConsole {

    private final Supplier<Optional<AdminServices>> services;
    private final ConsolePageMaker pages;

    public AdminConsole(Supplier<Optional<AdminServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/admin", this::page);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        BotOwnerOnly.require(actor);
        AdminServices admin = services.get().orElseThrow(ApiException::starting);
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Admin", ConsoleSection.ADMIN, actor));
        model.put("periods", Arrays.stream(UsagePeriod.values()).map(UsagePeriod::label).toList());
        model.put("usage", admin.usage().report(actor, Optional.ofNullable(ctx.queryParam("period")).orElse("")));
        model.put("processes", admin.fleet().live(actor));
        model.put("meters", admin.meters(actor));
        ctx.contentType("text/html; charset=utf-8").result(Templates.render("admin/admin.jte", model));
    }
}
