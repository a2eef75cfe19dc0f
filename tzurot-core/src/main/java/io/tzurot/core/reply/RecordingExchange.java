package io.tzurot.core.reply;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.prompt.Attachment;
import io.tzurot.core.prompt.CurrentMessage;
import io.tzurot.core.prompt.ReferencedMessage;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.usage.UsageLogRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what an exchange leaves behind: the user's turn as the reply starts, then the reply's (or the error's)
 * row (ids derived from the request id, so a redelivered job writes nothing twice), the memory outbox row (skipped when incognito), then hands the memory and the
 * flight record to the background writer.
 */
public final class RecordingExchange {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingExchange.class);

    private final ConversationHistoryRepository history;
    private final StoringMemories memories;
    private final FlightRecorder recorder;
    private final TokenCounter tokens;
    private final Optional<UsageLogRepository> usage;
    private final ExchangeRows rows;

    public RecordingExchange(ConversationHistoryRepository history, PendingMemoryRepository pending,
                             StoringMemories memories, FlightRecorder recorder, TokenCounter tokens) {
        this(history, memories, recorder, tokens, Optional.empty(),
                ExchangeRows.of(history, pending, RecordingExchange::direct));
    }

    private RecordingExchange(ConversationHistoryRepository history, StoringMemories memories, FlightRecorder recorder,
                              TokenCounter tokens, Optional<UsageLogRepository> usage, ExchangeRows rows) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.history = Objects.requireNonNull(history, "history");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    /** The same recording, also writing one usage row per reply into {@code log}. */
    public RecordingExchange withUsage(UsageLogRepository log) {
        return new RecordingExchange(history, memories, recorder, tokens, Optional.of(log), rows);
    }

    /** The same recording, writing the reply's row and its memory outbox row through {@code exchangeRows}. */
    public RecordingExchange withExchangeRows(ExchangeRows exchangeRows) {
        return new RecordingExchange(history, memories, recorder, tokens, usage, exchangeRows);
    }

    private static <T> T direct(java.util.function.Supplier<T> work) {
        return work.get();
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

    /** What an empty message is stored as (spec/discord.md §1.13); the prompt's own placeholder is never stored. */
    public static final String NO_TEXT = "[no text content]";

    /** The user's turn as stored: its text (or {@link #NO_TEXT}), then the descriptions of its attachments. */
    public static String storedUserContent(CurrentMessage current) {
        String text = current.text().strip();
        String descriptions = current.attachments().stream().map(Attachment::labelled).filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n\n"));
        String head = text.isEmpty() ? NO_TEXT : text;
        return descriptions.isEmpty() ? head : head + "\n\n" + descriptions;
    }

    /**
     * Stores the user's turn as the reply starts (spec/discord.md §1.8 step 6), so a message sent while the model
     * is still answering already sees it; keyed by the request id, so a redelivered job writes it once.
     */
    public void recordUserTurn(ReplyContext context, String userContent, List<ReferencedMessage> quotes) {
        Optional<Persona> persona = context.persona().persona();
        if (persona.isEmpty()) {
            return;
        }
        ReplyRequest request = context.request();
        Map<String, String> meta = baseMeta(request);
        StoredQuotes.put(meta, quotes);
        history.append(new HistoryMessage(userTurnId(request.requestId()), request.channelId(),
                request.guildId().orElse(null), context.personality().id(), persona.get().id(), HistoryRole.USER,
                userContent, tokens.countOnce(userContent), request.triggerMessageId().map(List::of).orElse(List.of()),
                HistoryMetadata.write(meta), request.receivedAt(), null, null));
    }

    /** Gives the reply's row the Discord ids of the messages it was posted as; false when no such row exists. */
    public boolean attachDeliveredIds(String requestId, List<String> discordMessageIds) {
        if (discordMessageIds.isEmpty()) {
            return false;
        }
        return history.setDiscordMessageIds(assistantTurnId(requestId), discordMessageIds)
                || history.setDiscordMessageIds(errorTurnId(requestId), discordMessageIds);
    }

    private static Map<String, String> baseMeta(ReplyRequest request) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("requestId", request.requestId());
        meta.put("platform", request.platform().name().toLowerCase(java.util.Locale.ROOT));
        return meta;
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
        // the user's turn was stored as the reply started (recordUserTurn)
        Map<String, String> meta = baseMeta(request);
        meta.put("failed", "true");
        history.append(new HistoryMessage(errorTurnId(request.requestId()), request.channelId(), guild,
                context.personality().id(), persona.get().id(), HistoryRole.ASSISTANT, error, tokens.countOnce(error),
                List.of(), HistoryMetadata.write(meta), errorAt, null, null));
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
        // the user's turn was stored as the reply started (recordUserTurn)
        Map<String, String> meta = baseMeta(request);
        meta.put("model", model);
        if (!memoryContent.equals(userContent)) {
            meta.put(ExchangeMemories.USER_PART, memoryContent); // so a swipe can rebuild this exchange's memory text
        }
        UUID assistantId = assistantTurnId(request.requestId());
        HistoryMessage row = new HistoryMessage(assistantId, request.channelId(), guild, personalityId, personaId,
                HistoryRole.ASSISTANT, reply, tokens.countOnce(reply), List.of(), HistoryMetadata.write(meta), replyAt, null, null);
        if (request.incognito()) {
            history.append(row);
            return;
        }
        Map<String, String> memoryMeta = new LinkedHashMap<>();
        memoryMeta.put("channelId", request.channelId());
        if (guild != null) {
            memoryMeta.put("guildId", guild);
        }
        memoryMeta.put("createdAt", replyAt.toString());
        String text = ExchangeMemories.text(memoryContent, reply);
        PendingMemory memory = PendingMemory.create(assistantId, personaId, personalityId, text,
                HistoryMetadata.write(memoryMeta), replyAt);
        // the reply's row and its memory's outbox row together, so a reply is never kept without its memory
        if (rows.appendWithMemory(row, memory)) {
            memories.submit(memory);
        }
    }

    /**
     * Writes the reply's usage row in the background (off the reply's path, with the memory and flight writes queued
     * with it); a failure is logged, never surfaced. Nothing when usage logging is off.
     */
    public void recordUsage(UsageLog log) {
        usage.ifPresent(repository -> memories.writeInBackground("usage of " + log.id(), () -> repository.record(log)));
    }

    /** Saves the flight record in the background; a failure is logged, never surfaced to the user. */
    public void saveFlightRecord(FlightRecord record) {
        memories.writeInBackground("flight record " + record.requestId(), () -> recorder.save(record));
    }
}
