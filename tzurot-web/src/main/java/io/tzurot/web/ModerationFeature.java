package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.moderation.DenylistApi;
import io.tzurot.web.moderation.DenylistConsole;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The denylist: the API routes {@code /api/v1/admin/denylist...} and the console page {@code /console/denylist},
 * calling the core's {@link ManagingDenials} (bot owner only on the web).
 */
public final class ModerationFeature implements Consumer<io.tzurot.web.openapi.RouteRegistry> {

    /** The console sections this feature installs. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.DENYLIST);

    private final Supplier<Optional<ManagingDenials>> denials;

    /** @param denials the use case, empty while storage is still opening (routes answer 503 until then) */
    public ModerationFeature(Supplier<Optional<ManagingDenials>> denials) {
        this.denials = denials;
    }

    @Override
    public void accept(io.tzurot.web.openapi.RouteRegistry routes) {
        new DenylistApi(denials).register(routes);
    }

    /** The console page, laid out by {@code pages}. */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new DenylistConsole(denials, pages).register(app);
    }
}
