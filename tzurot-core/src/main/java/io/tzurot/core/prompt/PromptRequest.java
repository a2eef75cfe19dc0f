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
 * @param lore lorebook content fired for this reply
 * @param facts memory facts about the user, most important first; those that fit their share are shown
 * @param notes the author's note due this turn and the user's own prompt additions
 */
public record PromptRequest(PromptPersonality personality, Protocol protocol, ZoneId userZone,
        Optional<ChatLocation> location, String requestId, List<Participant> participants, List<MemoryNote> memories,
        List<ReferencedMessage> references, List<HistoryEntry> history, CurrentMessage current,
        int contextWindowTokens, double historyBudgetFactor, PromptLore lore, List<FactNote> facts,
        PromptNotes notes) {

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
        lore = Objects.requireNonNullElse(lore, PromptLore.NONE);
        facts = List.copyOf(Objects.requireNonNullElse(facts, List.of()));
        notes = Objects.requireNonNullElse(notes, PromptNotes.NONE);
    }

    /** A request without author's note or user prompts. */
    public PromptRequest(PromptPersonality personality, Protocol protocol, ZoneId userZone,
            Optional<ChatLocation> location, String requestId, List<Participant> participants, List<MemoryNote> memories,
            List<ReferencedMessage> references, List<HistoryEntry> history, CurrentMessage current,
            int contextWindowTokens, double historyBudgetFactor, PromptLore lore, List<FactNote> facts) {
        this(personality, protocol, userZone, location, requestId, participants, memories, references, history, current,
                contextWindowTokens, historyBudgetFactor, lore, facts, PromptNotes.NONE);
    }

    /** This request with {@code value} as its author's note and user prompts. */
    public PromptRequest withNotes(PromptNotes value) {
        return new PromptRequest(personality, protocol, userZone, location, requestId, participants, memories,
                references, history, current, contextWindowTokens, historyBudgetFactor, lore, facts, value);
    }

    /** This request with {@code factor} as the history budget factor (a late retry's). */
    public PromptRequest withHistoryBudgetFactor(double factor) {
        return factor == historyBudgetFactor ? this : new PromptRequest(personality, protocol, userZone, location,
                requestId, participants, memories, references, history, current, contextWindowTokens, factor, lore, facts,
                notes);
    }

    /** This request with {@code value} as its memory facts. */
    public PromptRequest withFacts(List<FactNote> value) {
        return new PromptRequest(personality, protocol, userZone, location, requestId, participants, memories,
                references, history, current, contextWindowTokens, historyBudgetFactor, lore, value, notes);
    }

    /** Builder with the defaults: no protocol, location, participants, memories, references or history; the
     * reference's default context window of 131072 tokens; full history budget. */
    public static final class Builder {
        /** The reference's context window when a preset sets none. */
        public static final int DEFAULT_CONTEXT_WINDOW = 131_072;

        private PromptPersonality personality;
        private Protocol protocol = Protocol.none();
        private ZoneId userZone;
        private Optional<ChatLocation> location = Optional.empty();
        private String requestId;
        private List<Participant> participants = List.of();
        private List<MemoryNote> memories = List.of();
        private List<ReferencedMessage> references = List.of();
        private List<HistoryEntry> history = List.of();
        private CurrentMessage current;
        private int contextWindowTokens = DEFAULT_CONTEXT_WINDOW;
        private double historyBudgetFactor = 1.0;
        private PromptLore lore = PromptLore.NONE;
        private List<FactNote> facts = List.of();
        private PromptNotes notes = PromptNotes.NONE;

        /** Sets the personality. */
        public Builder personality(PromptPersonality value) {
            this.personality = value;
            return this;
        }

        /** Sets the protocol. */
        public Builder protocol(Protocol value) {
            this.protocol = value;
            return this;
        }

        /** Sets the user's time zone. */
        public Builder userZone(ZoneId value) {
            this.userZone = value;
            return this;
        }

        /** Sets the location. */
        public Builder location(ChatLocation value) {
            this.location = Optional.ofNullable(value);
            return this;
        }

        /** Sets the request id. */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /** Sets the participants. */
        public Builder participants(List<Participant> value) {
            this.participants = value;
            return this;
        }

        /** Sets the memories. */
        public Builder memories(List<MemoryNote> value) {
            this.memories = value;
            return this;
        }

        /** Sets the referenced messages. */
        public Builder references(List<ReferencedMessage> value) {
            this.references = value;
            return this;
        }

        /** Sets the history, oldest first. */
        public Builder history(List<HistoryEntry> value) {
            this.history = value;
            return this;
        }

        /** Sets the current message. */
        public Builder current(CurrentMessage value) {
            this.current = value;
            return this;
        }

        /** Sets the context window. */
        public Builder contextWindowTokens(int value) {
            this.contextWindowTokens = value;
            return this;
        }

        /** Sets the share of the history budget to use. */
        public Builder historyBudgetFactor(double value) {
            this.historyBudgetFactor = value;
            return this;
        }

        /** Sets the fired lorebook content. */
        public Builder lore(PromptLore value) {
            this.lore = value;
            return this;
        }

        /** Sets the memory facts, most important first. */
        public Builder facts(List<FactNote> value) {
            this.facts = value;
            return this;
        }

        /** Sets the author's note and user prompts. */
        public Builder notes(PromptNotes value) {
            this.notes = value;
            return this;
        }

        /** The validated request. */
        public PromptRequest build() {
            return new PromptRequest(personality, protocol, userZone, location, requestId, participants, memories,
                    references, history, current, contextWindowTokens, historyBudgetFactor, lore, facts, notes);
        }
    }
}
