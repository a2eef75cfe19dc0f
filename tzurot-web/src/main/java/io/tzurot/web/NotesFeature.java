package io.tzurot.web;

import io.tzurot.web.notes.NotesApi;
import io.tzurot.web.notes.NotesServices;
import io.tzurot.web.openapi.RouteRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Author's notes and user prompts: the API routes {@code /api/v1/authors-notes/...}, {@code /api/v1/admin/channels/{channelId}/authors-note} and
 * {@code /api/v1/user-prompts...},
 * calling core's {@code EditingAuthorsNotes} and {@code EditingUserPrompts}.
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
}
