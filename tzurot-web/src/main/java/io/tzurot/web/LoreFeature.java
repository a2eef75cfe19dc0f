package io.tzurot.web;

import io.tzurot.core.lorebook.activation.LoreUseCases;
import io.tzurot.web.lore.LoreApi;
import io.tzurot.web.openapi.RouteRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Lorebooks on personas, channels and everything, and the keyword test: the API routes. */
public final class LoreFeature implements Consumer<RouteRegistry> {

    private final Supplier<Optional<LoreUseCases>> useCases;

    /** @param useCases empty while storage is still opening (routes answer 503 until then) */
    public LoreFeature(Supplier<Optional<LoreUseCases>> useCases) {
        this.useCases = useCases;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new LoreApi(useCases).register(routes);
    }
}
