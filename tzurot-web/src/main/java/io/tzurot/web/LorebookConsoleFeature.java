package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.lore.LoreConsoleServices;
import io.tzurot.web.lore.LorebookPages;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The console's lorebook editor ({@code /console/lorebooks}), over core's lorebook use cases. */
public final class LorebookConsoleFeature {

    /** The console section this feature serves. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.LOREBOOKS);

    private final Supplier<Optional<LoreConsoleServices>> services;

    /** @param services empty while storage is still opening (pages answer 503 until then) */
    public LorebookConsoleFeature(Supplier<Optional<LoreConsoleServices>> services) {
        this.services = services;
    }

    /** The pages, laid out by {@code pages}. */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new LorebookPages(services, pages).register(app);
    }
}
