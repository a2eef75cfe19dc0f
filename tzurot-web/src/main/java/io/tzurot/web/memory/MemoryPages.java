package io.tzurot.web.memory;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryPage;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.auth.Access;
import io.tzurot.web.chat.ChatPages.Choice;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.chat.Lookups;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Console → Memories: browse a persona's memories page by page, search them by meaning, edit and delete. */
public final class MemoryPages {

    static final int PAGE_SIZE = 10;

    private final Supplier<Optional<ConversationServices>> services;
    private final ConsolePageMaker pages;

    public MemoryPages(Supplier<Optional<ConversationServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/memories", this::page);
        app.patch("/console/memories/{id}", this::edit);
        app.delete("/console/memories/{id}", this::delete);
    }

    /**
     * One memory as the page shows it; {@code score} is set for search results, {@code summary} labels a summary,
     * {@code summarized} marks an original a summary stands for.
     */
    public record Row(String id, String content, String createdAt, boolean locked, String score, String summary,
                      boolean summarized) {

        static Row of(Memory m, Double score) {
            return new Row(m.id().toString(), m.content(), m.createdAt().toString(), m.locked(),
                    score == null ? null : String.format(Locale.ROOT, "%.2f", score),
                    io.tzurot.core.summaries.SummaryLabel.of(m).orElse(null), m.summarizedBy() != null);
        }
    }

    private ConversationServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConversationServices s = services();
        Lookups lookups = new Lookups(s);
        Optional<Personality> personality = lookups.optionalPersonality(actor, "personality", ctx.queryParam("personality"));
        Optional<String> query = Inputs.optionalString("q", ctx.queryParam("q"), MemoryApi.MAX_QUERY_LENGTH);
        int offset = (int) Inputs.integer("offset", Optional.ofNullable(ctx.queryParam("offset")).orElse("0"), 0, 1_000_000);
        Optional<Persona> persona = lookups.persona(actor, Optional.empty(), personality.map(Personality::id).orElse(null));
        List<Row> rows;
        long total = 0;
        boolean hasMore = false;
        if (persona.isEmpty()) {
            rows = List.of();
        } else if (query.isPresent()) {
            rows = MemoryApi.search(s, actor, persona.get(), personality, query.get(), MemoryApi.MAX_SEARCH_LIMIT).stream()
                    .map(h -> Row.of(h.memory(), h.score())).toList();
        } else {
            MemoryPage page = s.memories().list(persona.get().id(), personality.map(Personality::id), offset, PAGE_SIZE);
            rows = page.items().stream().map(m -> Row.of(m, null)).toList();
            total = page.total();
            hasMore = page.hasMore();
        }
        String selected = personality.map(Personality::slug).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Memories", ConsoleSection.MEMORIES, actor));
        model.put("choices", s.personalities().listVisible(Lookups.viewer(actor)).stream()
                .map(p -> new Choice(p.slug(), p.shownName(), p.slug().equals(selected))).toList());
        model.put("personality", selected);
        model.put("personaName", persona.map(Persona::displayName).orElse(null));
        model.put("query", query.orElse(""));
        model.put("rows", rows);
        model.put("offset", offset);
        model.put("total", total);
        model.put("previousOffset", offset > 0 ? Math.max(0, offset - PAGE_SIZE) : -1);
        model.put("nextOffset", hasMore ? offset + PAGE_SIZE : -1);
        ConsoleForms.html(ctx, Templates.render("memories/memories.jte", model));
    }

    private void edit(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        String content = Inputs.requiredString("content", ctx.formParam("content"), MemoryApi.MAX_CONTENT_LENGTH);
        Memory edited = MemoryApi.managing(services()).edit(actor, id, content);
        ConsoleForms.html(ctx, Templates.render("memories/memoryItem.jte", Map.of("row", Row.of(edited, null))));
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        MemoryApi.managing(services()).delete(actor, id);
        ConsoleForms.html(ctx, ""); // htmx swaps the item with nothing
    }
}
