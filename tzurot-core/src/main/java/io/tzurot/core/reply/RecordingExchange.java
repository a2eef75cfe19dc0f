package io.tzurot.core.reply;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.prompt.TokenCounter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what an exchange leaves behind: both history rows (ids derived from the request id, so a redelivered
 * job writes nothing twice), the memory outbox row (skipped when incognito), then hands the memory and the
 * flight record to the background writer.
 */
public final class RecordingExchange {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingExchange.class);

    private final ConversationHistoryRepository history;
    private final PendingMemoryRepository pending;
    private final StoringMemories memories;
    private final FlightRecorder recorder;
    private final TokenCounter tokens;

    public RecordingExchange(ConversationHistoryRepository history, PendingMemoryRepository pending,
                             StoringMemories memories, FlightRecorder recorder, TokenCounter tokens) {
        this.history = Objects.requireNonNull(history, "history");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Id of the user turn of a request. */
    public static UUID userTurnId(String requestId) {
        return DeterministicIds.of("conversation_history:" + requestId + ":user");
    }

    /** Id of the assistant turn of a request. */
    public static UUID assistantTurnId(String requestId) {
        return DeterministicIds.of("conversation_history:" + requestId + ":assistant");
    }

    /** Id of the error turn a failed request leaves in history (never the reply's id, so a retry can still answer). */
    public static UUID errorTurnId(String requestId) {
        return DeterministicIds.of("conversation_history:" + requestId + ":error");
    }

    /**
     * Records a failed exchange (spec/discord.md §1.11): the user's turn stays in history, followed by the error
     * the user was shown (without the platform's detail spoiler), so later prompts know the question was asked
     * and went unanswered. No memory is written.
     */
    public void recordFailure(ReplyContext context, String userContent, String error, Instant now) {
        Optional<Persona> persona = context.persona().persona();
        if (persona.isEmpty() || userContent.isBlank()) {
            return;
        }
        ReplyRequest request = context.request();
        String guild = request.guildId().orElse(null);
        Instant userAt = request.receivedAt();
        Instant errorAt = now.isAfter(userAt) ? now : userAt.plusMillis(1);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("requestId", request.requestId());
        meta.put("platform", request.platform().name().toLowerCase(java.util.Locale.ROOT));
        history.append(new HistoryMessage(userTurnId(request.requestId()), request.channelId(), guild,
                context.personality().id(), persona.get().id(), HistoryRole.USER, userContent, tokens.count(userContent),
                request.triggerMessageId().map(List::of).orElse(List.of()), HistoryMetadata.write(meta), userAt, null,
                null));
        meta.put("failed", "true");
        history.append(new HistoryMessage(errorTurnId(request.requestId()), request.channelId(), guild,
                context.personality().id(), persona.get().id(), HistoryRole.ASSISTANT, error, tokens.count(error),
                List.of(), HistoryMetadata.write(meta), errorAt, null, null));
    }

    /** The reply already recorded for this request, if a previous delivery of the job got that far. */
    public Optional<HistoryMessage> recordedReply(String requestId) {
        return history.find(assistantTurnId(requestId));
    }

    /** Records the exchange; storage of the memory continues in the background. */
    public void record(ReplyContext context, String userContent, String memoryContent, String reply, String model,
                       Instant now) {
        Optional<Persona> persona = context.persona().persona();
        if (persona.isEmpty()) {
            LOG.debug("no persona for {}; the exchange is not recorded", context.request().requestId());
            return;
        }
        ReplyRequest request = context.request();
        UUID personaId = persona.get().id();
        UUID personalityId = context.personality().id();
        String guild = request.guildId().orElse(null);
        Instant userAt = request.receivedAt();
        Instant replyAt = now.isAfter(userAt) ? now : userAt.plusMillis(1);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("requestId", request.requestId());
        meta.put("platform", request.platform().name().toLowerCase(java.util.Locale.ROOT));
        history.append(new HistoryMessage(userTurnId(request.requestId()), request.channelId(), guild, personalityId,
                personaId, HistoryRole.USER, userContent, tokens.count(userContent),
                request.triggerMessageId().map(List::of).orElse(List.of()), HistoryMetadata.write(meta), userAt, null, null));
        meta.put("model", model);
        UUID assistantId = assistantTurnId(request.requestId());
        history.append(new HistoryMessage(assistantId, request.channelId(), guild, personalityId, personaId,
                HistoryRole.ASSISTANT, reply, tokens.count(reply), List.of(), HistoryMetadata.write(meta), replyAt, null, null));
        if (request.incognito()) {
            return;
        }
        Map<String, String> memoryMeta = new LinkedHashMap<>();
        memoryMeta.put("channelId", request.channelId());
        if (guild != null) {
            memoryMeta.put("guildId", guild);
        }
        memoryMeta.put("createdAt", replyAt.toString());
        String text = "{user}: " + memoryContent + "\n{assistant}: " + reply;
        PendingMemory row = PendingMemory.create(assistantId, personaId, personalityId, text,
                HistoryMetadata.write(memoryMeta), replyAt);
        if (pending.add(row)) {
            memories.submit(row);
        }
    }

    /** Saves the flight record in the background; a failure is logged, never surfaced to the user. */
    public void saveFlightRecord(FlightRecord record) {
        memories.runInBackground(() -> {
            try {
                recorder.save(record);
            } catch (RuntimeException e) {
                LOG.warn("flight record {} not saved: {}", record.requestId(), e.getMessage());
            }
        });
    }
}
