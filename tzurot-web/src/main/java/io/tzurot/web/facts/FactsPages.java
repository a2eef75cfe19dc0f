package io.tzurot.web.facts;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.facts.MemoryFact;
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

/** Console → Memories → Facts: the caller's memory facts, each corrected, locked or unlocked, or forgotten in place. */
public final class FactsPages {

    private final Supplier<Optional<FactsServices>> services;
    private final ConsolePageMaker pages;

    public FactsPages(Supplier<Optional<FactsServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/facts", this::page);
        app.patch("/console/facts/{id}", this::correct);
        app.post("/console/facts/{id}/lock", this::lock);
        app.delete("/console/facts/{id}", this::forget);
    }

    private FactsServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        FactsServices s = services();
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Memory facts", ConsoleSection.MEMORIES, actor));
        model.put("facts", FactView.of(s, s.facts().list(actor, Optional.empty())));
        ConsoleForms.html(ctx, Templates.render("facts/facts.jte", model));
    }

    private void correct(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        MemoryFact fact = services().facts().correct(actor, id, Optional.ofNullable(ctx.formParam("content")).orElse(""));
        item(ctx, fact);
    }

    private void lock(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        boolean locked = Inputs.booleanParam("locked", ctx.formParam("locked"), true);
        item(ctx, services().facts().lock(actor, id, locked));
    }

    private void forget(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        services().facts().forget(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ConsoleForms.html(ctx, ""); // htmx swaps the item with nothing
    }

    private void item(Context ctx, MemoryFact fact) {
        ConsoleForms.html(ctx, Templates.render("facts/factItem.jte", Map.of("fact", FactView.of(services(), fact))));
    }
}
