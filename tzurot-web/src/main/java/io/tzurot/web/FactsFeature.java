package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.facts.FactsApi;
import io.tzurot.web.facts.FactsPages;
import io.tzurot.web.facts.FactsServices;
import io.tzurot.web.openapi.RouteRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Memory facts: the API routes {@code /api/v1/facts...} and the console page {@code /console/facts} (under
 * Memories), both calling core's {@code ManagingFacts}.
 */
public final class FactsFeature implements Consumer<RouteRegistry> {

    private final Supplier<Optional<FactsServices>> services;

    /** @param services empty while storage is still opening (routes answer 503 until then) */
    public FactsFeature(Supplier<Optional<FactsServices>> services) {
        this.services = services;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new FactsApi(services).register(routes);
    }

    /** The console page, laid out by {@code pages}. */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new FactsPages(services, pages).register(app);
    }
}
