package io.tzurot.core.prompt;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the prompt of one reply is built from.
 *
 * @param personality the character being played
 * @param protocol the personality's system prompt
 * @param userZone the user's time zone; every time in the prompt is shown in it
 * @param location where the conversation happens, if told
 * @param requestId the reply job's id; it also keeps providers from serving a cached prompt
 * @param participants people in the conversation (the current speaker marked active)
 * @param memories retrieved long-term memories, best first
 * @param references messages the current message points at
 * @param history stored conversation history, oldest first
 * @param current the message being answered
 * @param contextWindowTokens the model's context window in tokens
 * @param historyBudgetFactor share of the history budget to use, 1.0 normally, less on late retries
 */
public record PromptRequest(PromptPersonality personality, Protocol protocol, ZoneId userZone,
        Optional<ChatLocation> location, String requestId, List<Participant> participants, List<MemoryNote> memories,
        List<ReferencedMessage> references, List<HistoryEntry> history, CurrentMessage current,
        int contextWindowTokens, double historyBudgetFactor) {

    /** Validates and copies the fields. */
    public PromptRequest {
        Objects.requireNonNull(personality, "personality must not be null");
        protocol = Objects.requireNonNullElse(protocol, Protocol.none());
        Objects.requireNonNull(userZone, "userZone must not be null");
        location = Objects.requireNonNullElse(location, Optional.empty());
        Objects.requireNonNull(requestId, "requestId must not be null");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants must not be null"));
        memories = List.copyOf(Objects.requireNonNull(memories, "memories must not be null"));
        references = List.copyOf(Objects.requireNonNull(references, "references must not be null"));
        history = List.copyOf(Objects.requireNonNull(history, "history must not be null"));
        Objects.requireNonNull(current, "current message must not be null");
        if (contextWindowTokens <= 0) {
            throw new IllegalArgumentException("contextWindowTokens must be > 0, was " + contextWindowTokens);
        }
        if (!(historyBudgetFactor > 0 && historyBudgetFactor <= 1)) {
            throw new IllegalArgumentException("historyBudgetFactor must be in (0, 1], was " + historyBudgetFactor);
        }
    }
}
