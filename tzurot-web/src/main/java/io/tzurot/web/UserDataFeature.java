package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.userdata.UserDataApi;
import io.tzurot.web.userdata.UserDataConsole;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A user's whole data: the API routes {@code /api/v1/users/{userId}/data/...} (export job, ZIP download,
 * erasure) and the console page {@code /console/data}, calling the core's {@link UserDataUseCases}.
 */
public final class UserDataFeature implements Consumer<RouteRegistry> {

    /** The console sections this feature installs. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.DATA);

    private final Supplier<Optional<UserDataUseCases>> useCases;

    /** @param useCases the use cases, empty while storage is still opening (routes answer 503 until then) */
    public UserDataFeature(Supplier<Optional<UserDataUseCases>> useCases) {
        this.useCases = useCases;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new UserDataApi(useCases).register(routes);
    }

    /** The console page, laid out by {@code pages}. */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> new UserDataConsole(useCases, pages).register(app);
    }
}
