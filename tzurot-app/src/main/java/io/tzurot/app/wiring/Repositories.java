package io.tzurot.app.wiring;

import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.app.cache.CacheCatalog;
import io.tzurot.app.cache.CacheContext;
import io.tzurot.app.cache.CachingAdminSettingsRepository;
import io.tzurot.app.cache.CachingApiKeyRepository;
import io.tzurot.app.cache.CachingChannelSettingsRepository;
import io.tzurot.app.cache.CachingAuthorsNoteRepository;
import io.tzurot.app.cache.CachingFactRepository;
import io.tzurot.app.cache.CachingSpeakingPlacesRepository;
import io.tzurot.app.cache.CachingUserPromptRepository;
import io.tzurot.core.facts.FactRepository;
import io.tzurot.core.notes.AuthorsNoteRepository;
import io.tzurot.core.notes.UserPromptRepository;
import io.tzurot.storage.facts.JdbiFactRepository;
import io.tzurot.storage.notes.JdbiAuthorsNoteRepository;
import io.tzurot.storage.notes.JdbiUserPromptRepository;
import io.tzurot.core.speaking.SpeakingPlacesRepository;
import io.tzurot.storage.speaking.JdbiSpeakingPlacesRepository;
import io.tzurot.app.cache.CachingDenylistRepository;
import io.tzurot.app.cache.CachingLorebookRepository;
import io.tzurot.app.cache.CachingPersonaHistoryConfigRepository;
import io.tzurot.app.cache.CachingPersonaRepository;
import io.tzurot.app.cache.CachingPersonalityRepository;
import io.tzurot.app.cache.CachingPresetRepository;
import io.tzurot.app.cache.CachingUserRepository;
import io.tzurot.app.cache.CachingUserPersonalityConfigRepository;
import io.tzurot.app.cache.ConfigEpoch;
import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.attachment.DescriptionCache;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.SceneSettingsRepository;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.core.jobresult.JobResultRepository;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SystemPromptRepository;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.attachment.JdbiDescriptionCache;
import io.tzurot.storage.channel.JdbiChannelSettingsRepository;
import io.tzurot.storage.channel.JdbiSceneSettingsRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.jobresult.JdbiJobResultRepository;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.storage.memory.ExactCosineMemorySearch;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.memory.JdbiPendingMemoryRepository;
import io.tzurot.storage.memory.MemorySearches;
import io.tzurot.storage.moderation.JdbiDenylistRepository;
import io.tzurot.storage.persona.JdbiPersonaHistoryConfigRepository;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import java.time.Clock;
import java.time.Duration;

/** Every repository of one database, built once per process. */
public record Repositories(Database database, UserRepository users, PersonaRepository personas,
                           PersonaHistoryConfigRepository historyEpochs, PersonalityRepository personalities,
                           SystemPromptRepository systemPrompts, PresetRepository presets,
                           UserPersonalityConfigRepository userPersonalityConfigs, AdminSettingsRepository adminSettings,
                           ChannelSettingsRepository channels, DenylistRepository denylist, ApiKeyRepository apiKeys,
                           ConversationHistoryRepository history, MemoryRepository memories,
                           PendingMemoryRepository pendingMemories, MemorySearch memorySearch,
                           DiagnosticLogRepository diagnostics, JobResultRepository jobResults,
                           DescriptionCache descriptions, LorebookRepository lorebooks,
                           SpeakingPlacesRepository speaking, AuthorsNoteRepository authorsNotes,
                           UserPromptRepository userPrompts, FactRepository facts) {

    /**
     * The scene limits and talkativeness, read uncached (a scene message reads them once; an owner's change holds
     * at once in every process).
     */
    public SceneSettingsRepository scene() {
        return new JdbiSceneSettingsRepository(database.jdbi(), Clock.systemUTC());
    }

    /** How long a cached entry may live when no change is announced: a backstop for edits made outside the system. */
    public static final Duration CACHE_TTL = Duration.ofMinutes(10);

    /**
     * These repositories with the hot configuration (users, personalities, personas, presets, settings, channel
     * activations, denylist, API keys, lorebook attachments, author's notes, user prompts, memory facts) read through
     * local caches. Every write through them
     * announces the change on {@code bus},
     * which evicts it here at once and, with Redis, in every other process; so every writer (web API, CLI, Discord
     * commands) must use the cached set, which is why this is the one place caching is wired.
     */
    public Repositories cached(EventBus bus) {
        return cached(bus, ConfigEpoch.none());
    }

    /**
     * {@link #cached(EventBus)} with writes also bumping the shared {@code epoch}, which a worker checks before each
     * job ({@link ConfigEpoch#sync}), so a job never overtakes the change event of an edit made before it.
     */
    public Repositories cached(EventBus bus, ConfigEpoch epoch) {
        return cached(bus, epoch, CacheCatalog.NONE);
    }

    /** {@link #cached(EventBus, ConfigEpoch)} with each cache shown to {@code catalog} (metrics watch hit rates). */
    public Repositories cached(EventBus bus, ConfigEpoch epoch, CacheCatalog catalog) {
        CacheContext context = new CacheContext(bus, epoch, CACHE_TTL, catalog);
        return new Repositories(database, new CachingUserRepository(users, context),
                new CachingPersonaRepository(personas, context),
                new CachingPersonaHistoryConfigRepository(historyEpochs, context),
                new CachingPersonalityRepository(personalities, context), systemPrompts,
                new CachingPresetRepository(presets, context),
                new CachingUserPersonalityConfigRepository(userPersonalityConfigs, context),
                new CachingAdminSettingsRepository(adminSettings, context),
                new CachingChannelSettingsRepository(channels, context),
                new CachingDenylistRepository(denylist, context), new CachingApiKeyRepository(apiKeys, context),
                history, memories, pendingMemories, memorySearch, diagnostics, jobResults, descriptions,
                new CachingLorebookRepository(lorebooks, context),
                new CachingSpeakingPlacesRepository(speaking, context),
                new CachingAuthorsNoteRepository(authorsNotes, context),
                new CachingUserPromptRepository(userPrompts, context), new CachingFactRepository(facts, context));
    }

    /** The repositories of {@code db} with caching whose writes announce on {@code messaging}'s bus and epoch. */
    public static Repositories of(Database db, Clock clock, Messaging messaging) {
        return of(db, clock).cached(messaging.events(), ConfigEpoch.of(messaging));
    }

    /** Uncached repositories: their writes announce nothing, so a running fleet would not see them; for tests and tools. */
    public static Repositories of(Database db, Clock clock) {
        var jdbi = db.jdbi();
        // stored memories keep their note's token count in the one counter's terms (the prompt's, cl100k)
        JdbiMemoryRepository memories = new JdbiMemoryRepository(db, java.util.Optional.of(new TiktokenCounter()));
        MemorySearch search = MemorySearches.forDatabase(db);
        if (search instanceof ExactCosineMemorySearch exact) {
            memories.onInsert(exact::inserted); // our own inserts update the in-JVM index without a reload
        }
        return new Repositories(db, new JdbiUserRepository(jdbi, clock), new JdbiPersonaRepository(jdbi, clock),
                new JdbiPersonaHistoryConfigRepository(jdbi, clock), new JdbiPersonalityRepository(jdbi, clock),
                new JdbiSystemPromptRepository(jdbi, clock), new JdbiPresetRepository(jdbi, clock),
                new JdbiUserPersonalityConfigRepository(jdbi, clock), new JdbiAdminSettingsRepository(jdbi, clock),
                new JdbiChannelSettingsRepository(jdbi, clock), new JdbiDenylistRepository(jdbi),
                new JdbiApiKeyRepository(jdbi, clock), new JdbiConversationHistoryRepository(db),
                memories, new JdbiPendingMemoryRepository(db), search,
                new JdbiDiagnosticLogRepository(db), new JdbiJobResultRepository(db), new JdbiDescriptionCache(db),
                new JdbiLorebookRepository(jdbi, clock), new JdbiSpeakingPlacesRepository(jdbi, clock),
                new JdbiAuthorsNoteRepository(jdbi), new JdbiUserPromptRepository(jdbi), new JdbiFactRepository(jdbi));
    }
}
