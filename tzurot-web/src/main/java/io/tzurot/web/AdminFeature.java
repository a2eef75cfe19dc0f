package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.core.admin.AdminServices;
import io.tzurot.web.admin.AdminApi;
import io.tzurot.web.admin.AdminConsole;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.openapi.RouteRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bot owner's administration: the API routes {@code /api/v1/admin/usage|health|metrics|cleanup} and the
 * console page {@code /console/admin}, calling core's admin use cases (which refuse everyone else).
 */
public final class AdminFeature implements Consumer<RouteRegistry> {

    /** The console sections this feature installs. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.ADMIN);

    private final Supplier<Optional<AdminServices>> services;

    /** @param services the use cases, empty while storage is still opening (routes answer 503 until then) */
    public AdminFeature(Supplier<Optional<AdminServices>> services) {
        this.services = services;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new AdminApi(services).register(routes);
    }

    /** The console page, laid out by {@code pages}. */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new AdminConsole(services, pages).register(app);
    }
}
