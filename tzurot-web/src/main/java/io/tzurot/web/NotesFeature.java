package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.notes.NotesApi;
import io.tzurot.web.notes.NotesPages;
import io.tzurot.web.notes.NotesServices;
import io.tzurot.web.openapi.RouteRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Author's notes and user prompts: the API routes {@code /api/v1/authors-notes/...}, {@code /api/v1/admin/channels/{channelId}/authors-note} and
 * {@code /api/v1/user-prompts...},
 * and the console page {@code /console/notes}, calling core's {@code EditingAuthorsNotes} and {@code EditingUserPrompts}.
 */
public final class NotesFeature implements Consumer<RouteRegistry> {

    private final Supplier<Optional<NotesServices>> services;

    /** @param services empty while storage is still opening (routes answer 503 until then) */
    public NotesFeature(Supplier<Optional<NotesServices>> services) {
        this.services = services;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new NotesApi(services).register(routes);
    }

    /** The console page {@code /console/notes} (under Settings), laid out by {@code pages}. */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new NotesPages(services, pages).register(app);
    }
}
