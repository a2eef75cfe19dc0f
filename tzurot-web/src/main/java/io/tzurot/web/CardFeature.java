package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.web.cards.CardApi;
import io.tzurot.web.cards.CardConsole;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.shapes.ShapesApi;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Character and lorebook import/export and the shapes.inc import: the API routes (documented through the registry) and the console's
 * import page and export menu. Wired like {@link ManagementFeature}, with the core's {@link CardUseCases}.
 */
public final class CardFeature implements Consumer<RouteRegistry> {

    private final Supplier<Optional<CardUseCases>> useCases;
    private final Supplier<Optional<ImportingShapes>> shapes;

    /** @param useCases empty while storage is still opening (routes answer 503 until then) */
    public CardFeature(Supplier<Optional<CardUseCases>> useCases) {
        this(useCases, Optional::empty);
    }

    /** With the shapes.inc import ({@code shapes} empty while storage is still opening). */
    public CardFeature(Supplier<Optional<CardUseCases>> useCases, Supplier<Optional<ImportingShapes>> shapes) {
        this.useCases = useCases;
        this.shapes = shapes;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new CardApi(useCases).register(routes);
        new ShapesApi(shapes).register(routes);
    }

    /** The console pages (the import page), laid out by {@code pages} (normally {@code webConsole::page}). */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new CardConsole(useCases, pages).register(app);
    }
}
