package io.tzurot.web.chat;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.core.diagnostics.ViewingDiagnostics;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.webchannel.WebConversations;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the chat, memory, history and diagnostics routes need, opened once storage is ready.
 *
 * @param resolvePersona   picks the persona a user presents to a personality when a request names none
 * @param personaOverrides where the Chat page stores the persona picked for a character (the engine resolves it)
 * @param channels         which web channel a caller may talk in or read
 * @param records          which diagnostic records a caller sees, and how much of them
 * @param rateLimits       the bot owner's limits: how many replies one user may have in flight
 */
public record ConversationServices(ReplyService replies, PersonalityRepository personalities, PersonaRepository personas,
                                   ResolvePersona resolvePersona, UserPersonalityConfigRepository personaOverrides,
                                   MemoryRepository memories, MemorySearch memorySearch,
                                   EmbeddingModel embeddings, ConversationHistoryRepository history,
                                   PersonaHistoryConfigRepository historyConfigs, DiagnosticLogRepository diagnostics,
                                   WebConversations channels, ViewingDiagnostics records, Clock clock,
                                   Supplier<RateLimits> rateLimits) {

    public ConversationServices {
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(personalities, "personalities");
        Objects.requireNonNull(personas, "personas");
        Objects.requireNonNull(resolvePersona, "resolvePersona");
        Objects.requireNonNull(personaOverrides, "personaOverrides");
        Objects.requireNonNull(memories, "memories");
        Objects.requireNonNull(memorySearch, "memorySearch");
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(historyConfigs, "historyConfigs");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }
}
