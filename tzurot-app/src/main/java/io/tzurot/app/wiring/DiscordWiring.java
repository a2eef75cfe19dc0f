package io.tzurot.app.wiring;

import io.tzurot.ai.http.LazyHttpClient;
import io.tzurot.core.admin.MetricsSource;
import io.tzurot.core.channel.ChoosingSpeakers;
import io.tzurot.core.history.ManagingHistory;
import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.IncognitoSessions;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.SwitchingFocus;
import io.tzurot.discord.memory.MemoryServices;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.PluralKitConfig;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.reply.DescribingAttachments;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.ai.catalog.OpenAiCompatibleModelList;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.model.BrowsingModels;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.discord.bot.CommandServices;
import io.tzurot.discord.bot.DiscordBot;
import io.tzurot.discord.bot.DiscordLoginException;
import io.tzurot.discord.bot.DiscordServices;
import io.tzurot.discord.bot.SpeakingServices;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.RecordingGhostTurn;
import io.tzurot.discord.bot.DiscordSettings;
import io.tzurot.discord.bot.ShardRange;
import io.tzurot.storage.delivery.JdbiDeliveredMessageRepository;
import io.tzurot.storage.diagnostics.JsonFlightRecorder;
import io.tzurot.web.apikey.HttpProviderKeyValidator;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.discord.portability.PortabilityServices;
import io.tzurot.discord.proxy.PluralKitSettings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.SplittableRandom;

/** The {@code discord} role: the JDA bot wired to storage and the reply service. */
public final class DiscordWiring {

    private DiscordWiring() {
    }

    /**
     * Logs the bot in (every shard of {@code shards}) and returns it running; empty when no token is configured.
     *
     * @throws ConfigException when the token or an endpoint is rejected (exit code 2)
     */
    public static Optional<DiscordBot> start(TzurotConfig config, Repositories repos, ModelComponents models,
                                             byte[] masterKey, ReplyService replies, ShardRange shards,
                                             EphemeralKeyStore keys, EventBus events, Clock clock) {
        return start(config, repos, models, masterKey, replies, shards, keys, events, clock, MetricsSource.NONE);
    }

    /** The same, with {@code /admin metrics} reading {@code metrics}. */
    public static Optional<DiscordBot> start(TzurotConfig config, Repositories repos, ModelComponents models,
                                             byte[] masterKey, ReplyService replies, ShardRange shards,
                                             EphemeralKeyStore keys, EventBus events, Clock clock,
                                             MetricsSource metrics) {
        if (config.discordToken().isEmpty()) {
            return Optional.empty();
        }
        DiscordSettings settings;
        try {
            settings = new DiscordSettings(config.discordToken().get(), config.discordRestUrl(), config.discordGatewayUrl(),
                    shards, config.publicUrl(), config.botOwnerId(), '@', config.commandsGuildId());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        ManagementUseCases management = useCases(config, repos, masterKey);
        DiscordServices services = new DiscordServices(repos.personalities(), repos.channels(), repos.denylist(),
                repos.users(), new JdbiDeliveredMessageRepository(repos.database().jdbi()), replies, clock)
                .withHistory(repos.history())
                .withCommands(new CommandServices(keys, management,
                        new InspectingReplies(repos.diagnostics(), new JsonFlightRecorder(repos.diagnostics(), clock)),
                        new BrowsingModels(OpenAiCompatibleModelList.create(clock), config.llmBaseUrl().toString(),
                                config.llmApiKey())).withPortability(portability(config, repos, models, management,
                        events, clock)).withHistory(new ManagingHistory(new ResolvePersona(repos.users(),
                        repos.personas(), repos.userPersonalityConfigs()), repos.historyEpochs(), repos.history(), clock))
                        .withMemory(memory(repos, models, management, keys, clock))
                        .withAdmin(AdminWiring.services(repos, management.settings(), keys, metrics, clock))
                        .withLore(new io.tzurot.discord.lore.LoreServices(
                                new io.tzurot.core.lorebook.EditingLorebooks(repos.lorebooks()),
                                LoreWiring.useCases(repos), CardWiring.useCases(repos, management, clock).lorebooks()))
                        .withNotes(new io.tzurot.discord.notes.NoteServices(NotesWiring.notes(repos, clock),
                                NotesWiring.prompts(repos, clock))))
                .withGuards(LimitsWiring.guards(repos, keys, clock));
        // scene speakers: the owner's limits and each character's talkativeness, with a random source of its own
        services = services.withSpeakers(new ChoosingSpeakers(repos.scene(), new SplittableRandom()));
        services = services.withSpeaking(new SpeakingServices(new ChoosingWhereCharactersSpeak(repos.speaking()),
                new RecordingGhostTurn(repos.history(), new ResolvePersona(repos.users(), repos.personas(),
                        repos.userPersonalityConfigs()), models.tokens())));
        if (config.autoTranscribeVoice()) {
            services = services.withVoice(voice(config, repos, models, masterKey, clock));
        }
        DiscordBot bot = new DiscordBot(settings, services);
        if (replies != null) {
            bot.withSwipes(SwipeWiring.actions(repos, models, replies, clock));
        }
        PluralKitConfig pluralKit = config.pluralKit();
        if (pluralKit.enabled()) {
            bot.withPluralKit(new PluralKitSettings(pluralKit.baseUrl(), pluralKit.grace()));
        }
        try {
            bot.start();
        } catch (DiscordLoginException e) {
            bot.close();
            throw new ConfigException("DISCORD_TOKEN: " + e.getMessage());
        }
        return Optional.of(bot);
    }

    /** Character files, data export and erasure, and shapes.inc imports: the same use cases as the API and CLI. */
    private static PortabilityServices portability(TzurotConfig config, Repositories repos, ModelComponents models,
                                                   ManagementUseCases management, EventBus events, Clock clock) {
        CardUseCases cards = CardWiring.useCases(repos, management, clock);
        // exports asked for in Discord are built one at a time on their own thread, as the API's are
        ExecutorService exports = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "discord-data-export");
            t.setDaemon(true);
            return t;
        });
        return new PortabilityServices(cards, UserDataWiring.useCases(repos, cards, events, exports, clock),
                Optional.of(ShapesWiring.useCase(repos, management, cards, models.embeddings(), config.shapesBaseUrl(),
                        ShapesWiring.gap(config.shapesBaseUrl()), clock)), config.publicUrl());
    }

    /** {@code /memory}: the memory, incognito and focus rules the web API calls too. */
    private static MemoryServices memory(Repositories repos, ModelComponents models, ManagementUseCases management,
                                         EphemeralKeyStore keys, Clock clock) {
        return new MemoryServices(new ManagingMemories(new ResolvePersona(repos.users(), repos.personas(),
                repos.userPersonalityConfigs()), repos.personas(), repos.memories(), repos.memorySearch(),
                models.embeddings(), clock), new GoingIncognito(new IncognitoSessions(keys, clock), repos.personas(),
                repos.memories(), clock), new SwitchingFocus(management.settings(), management.resolveSettings()),
                List.of(new io.tzurot.discord.memory.MemoryFactsGroup(new io.tzurot.core.facts.ManagingFacts(
                        repos.facts(), repos.personas(), clock),
                        repos.personalities())));
    }

    /** The management use cases the commands call: the same rules as the web API and the CLI. */
    private static ManagementUseCases useCases(TzurotConfig config, Repositories repos, byte[] masterKey) {
        return ManagementUseCases.of(new ManagementUseCases.Ports(repos.personalities(),
                        Optional.of(repos.systemPrompts()), repos.personas(), repos.presets(), repos.users(),
                        repos.userPersonalityConfigs(), repos.adminSettings(), repos.apiKeys(), repos.channels(),
                        BuiltInPreset.withModel(config.defaultModel()), repos.scene()),
                Optional.of(new ApiKeyCipher(masterKey)), new HttpProviderKeyValidator("openrouter", config.llmBaseUrl(),
                        LazyHttpClient.of(HttpProviderKeyValidator::newClient)));
    }

    private static VoiceTranscriptions voice(TzurotConfig config, Repositories repos, ModelComponents models,
                                             byte[] masterKey, Clock clock) {
        ReplyEngine.Settings engine = ReplyEngine.Settings.of(config);
        DescribingAttachments attachments = new DescribingAttachments(models.vision(), models.transcriber(),
                models.attachments(), repos.descriptions(), engine.media(), engine.provider(), clock);
        return new VoiceTranscriptions(attachments, repos.users(), new RevealApiKey(repos.apiKeys(),
                new ApiKeyCipher(masterKey)), engine.provider(), config.transcriptSpoilerWords());
    }
}
