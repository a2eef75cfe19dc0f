package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.web.apikey.ApiKeyApi;
import io.tzurot.core.apikey.ProviderKeyValidator;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.persona.PersonaApi;
import io.tzurot.web.persona.PersonaConsole;
import io.tzurot.web.personality.PersonalityConsole;
import io.tzurot.web.preset.PresetConsole;
import io.tzurot.web.settings.SettingsConsole;
import io.tzurot.web.personality.AvatarRoutes;
import io.tzurot.web.personality.PersonalityApi;
import io.tzurot.web.preset.PresetApi;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.settings.SettingsApi;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Characters, personas, presets, settings and provider keys: the API routes (through the registry, so
 * they are documented) and the console pages. The app wires it as
 * <pre>{@code
 * ManagementFeature management = new ManagementFeature(services, cipher, new HttpProviderKeyValidator("openrouter", llmBaseUrl));
 * WebConsole console = new WebConsole(access, version, ManagementFeature.SECTIONS, List.of(management));
 * WebServer.start(host, port, List.of(console::register, management.pages(console)));
 * }</pre>
 */
public final class ManagementFeature implements Consumer<RouteRegistry> {

    /** The console sections this feature installs. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.CHARACTERS, ConsoleSection.PERSONAS,
            ConsoleSection.PRESETS, ConsoleSection.SETTINGS);

    private final Supplier<Optional<ManagementServices>> services;
    private final ApiKeyApi keys;
    private final AvatarRoutes avatars;

    /**
     * @param services  the repositories, empty while storage is still opening (routes answer 503 until then)
     * @param cipher    encrypts provider keys; empty when {@code TZUROT_ENCRYPTION_KEY} is unset (keys cannot be set)
     * @param validator checks a provider key with the provider before it is stored
     */
    public ManagementFeature(Supplier<Optional<ManagementServices>> services, Optional<ApiKeyCipher> cipher,
                             ProviderKeyValidator validator) {
        this.services = services;
        this.keys = new ApiKeyApi(() -> services.get().map(ManagementServices::apiKeys), cipher, validator);
        this.avatars = new AvatarRoutes(() -> services.get().map(ManagementServices::personalities));
    }

    @Override
    public void accept(RouteRegistry routes) {
        new PersonalityApi(() -> services.get().map(ManagementServices::personalities)).register(routes);
        avatars.register(routes);
        new PersonaApi(services).register(routes);
        new PresetApi(services).register(routes);
        new SettingsApi(services).register(routes);
        keys.register(routes);
    }

    /** The public avatar route and the console pages, laid out by {@code console}. */
    public Consumer<Javalin> pages(WebConsole console) {
        return app -> {
            avatars.registerPublic(app);
            new PersonalityConsole(() -> services.get().map(ManagementServices::personalities), console).register(app);
            new PersonaConsole(services, console).register(app);
            new PresetConsole(services, console).register(app);
            new SettingsConsole(services, keys, console).register(app);
        };
    }
}
