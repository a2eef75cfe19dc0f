package io.tzurot.core.speaking;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.reply.RecordingExchange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores a user's turn said to a character in a ghost channel as a normal exchange stores it (same row shape, the
 * speaker's persona, the Discord message id), without asking the model; the character sees it in history later.
 */
public final class RecordingGhostTurn {

    /** What was said, to whom, where. */
    public record GhostTurn(String messageId, String channelId, String guildId, UUID userId, UUID personalityId,
                            String content, Instant at) {
        public GhostTurn {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(personalityId, "personalityId");
            Objects.requireNonNull(at, "at");
            content = content == null || content.isBlank() ? RecordingExchange.NO_TEXT : content.strip();
        }
    }

    private final ConversationHistoryRepository history;
    private final ResolvePersona personas;
    private final TokenCounter tokens;

    public RecordingGhostTurn(ConversationHistoryRepository history, ResolvePersona personas, TokenCounter tokens) {
        this.history = Objects.requireNonNull(history, "history");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Id of the stored turn: one per message and character, so a repeated event writes it once. */
    public static UUID turnId(String messageId, UUID personalityId) {
        return DeterministicIds.of("conversation_history:ghost:" + messageId + ":" + personalityId);
    }

    /** Records the turn; false when the speaker has no persona (a normal exchange records nothing then either). */
    public boolean record(GhostTurn turn) {
        Optional<Persona> persona = personas.resolve(turn.userId(), turn.personalityId()).persona();
        if (persona.isEmpty()) {
            return false;
        }
        UUID id = turnId(turn.messageId(), turn.personalityId());
        if (history.find(id).isPresent()) {
            return true;
        }
        history.append(new HistoryMessage(id, turn.channelId(), turn.guildId(), turn.personalityId(),
                persona.get().id(), HistoryRole.USER, turn.content(), tokens.count(turn.content()),
                List.of(turn.messageId()), "{\"platform\":\"discord\",\"ghost\":\"true\"}", turn.at(), null, null));
        return true;
    }
}
