package io.tzurot.app.wiring;

import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.attachment.DescriptionCache;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.core.jobresult.JobResultRepository;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SystemPromptRepository;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.attachment.JdbiDescriptionCache;
import io.tzurot.storage.channel.JdbiChannelSettingsRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.jobresult.JdbiJobResultRepository;
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

/** Every repository of one database, built once per process. */
public record Repositories(Database database, UserRepository users, PersonaRepository personas,
                           PersonaHistoryConfigRepository historyEpochs, PersonalityRepository personalities,
                           SystemPromptRepository systemPrompts, PresetRepository presets,
                           UserPersonalityConfigRepository userPersonalityConfigs, AdminSettingsRepository adminSettings,
                           ChannelSettingsRepository channels, DenylistRepository denylist, ApiKeyRepository apiKeys,
                           ConversationHistoryRepository history, MemoryRepository memories,
                           PendingMemoryRepository pendingMemories, MemorySearch memorySearch,
                           DiagnosticLogRepository diagnostics, JobResultRepository jobResults,
                           DescriptionCache descriptions) {

    public static Repositories of(Database db, Clock clock) {
        var jdbi = db.jdbi();
        JdbiMemoryRepository memories = new JdbiMemoryRepository(db);
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
                new JdbiDiagnosticLogRepository(db), new JdbiJobResultRepository(db), new JdbiDescriptionCache(db));
    }
}
