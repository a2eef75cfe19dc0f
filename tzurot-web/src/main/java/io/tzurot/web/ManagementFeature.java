package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.web.apikey.ApiKeyApi;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.persona.PersonaApi;
import io.tzurot.web.persona.PersonaConsole;
import io.tzurot.web.personality.AvatarRoutes;
import io.tzurot.web.personality.PersonalityApi;
import io.tzurot.web.personality.PersonalityConsole;
import io.tzurot.web.preset.PresetApi;
import io.tzurot.web.preset.PresetConsole;
import io.tzurot.web.preset.PresetFilesApi;
import io.tzurot.web.preset.PresetFilesConsole;
import io.tzurot.web.settings.ChannelStreamingApi;
import io.tzurot.web.settings.ChannelTierApi;
import io.tzurot.web.settings.SettingsApi;
import io.tzurot.web.settings.SettingsConsole;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Characters, personas, presets, settings and provider keys: the API routes (through the registry, so
 * they are documented) and the console pages, all calling the core's {@link ManagementUseCases}. The app
 * wires it as
 * <pre>{@code
 * ManagementFeature management = new ManagementFeature(() -> Optional.ofNullable(useCases.get()));
 * WebConsole console = new WebConsole(access, version, ManagementFeature.SECTIONS, List.of(management));
 * WebServer.start(host, port, List.of(console::register, management.pages(console::page)));
 * }</pre>
 */
public final class ManagementFeature implements Consumer<RouteRegistry> {

    /** The console sections this feature installs. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.CHARACTERS, ConsoleSection.PERSONAS,
            ConsoleSection.PRESETS, ConsoleSection.SETTINGS);

    private final Supplier<Optional<ManagementUseCases>> useCases;
    private final AvatarRoutes avatars;

    /** @param useCases the use cases, empty while storage is still opening (routes answer 503 until then) */
    public ManagementFeature(Supplier<Optional<ManagementUseCases>> useCases) {
        this.useCases = useCases;
        this.avatars = new AvatarRoutes(useCases);
    }

    @Override
    public void accept(RouteRegistry routes) {
        new PersonalityApi(useCases).register(routes);
        avatars.register(routes);
        new PersonaApi(useCases).register(routes);
        new PresetFilesApi(useCases).register(routes); // before PresetApi: 'template' is not an id
        new PresetApi(useCases).register(routes);
        new SettingsApi(useCases).register(routes);
        new ChannelTierApi(useCases).register(routes);
        new ChannelStreamingApi(useCases).register(routes);
        new ApiKeyApi(useCases).register(routes);
    }

    /** The public avatar route and the console pages, laid out by {@code pages} (normally {@code webConsole::page}). */
    public Consumer<Javalin> pages(ConsolePageMaker pages) {
        return app -> {
            avatars.registerPublic(app);
            new PersonalityConsole(useCases, pages).register(app);
            new PersonaConsole(useCases, pages).register(app);
            new PresetFilesConsole(useCases).register(app); // before PresetConsole: 'template' is not an id
            new PresetConsole(useCases, pages).register(app);
            new SettingsConsole(useCases, pages).register(app);
        };
    }
}
