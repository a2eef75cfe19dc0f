package io.tzurot.core.swipe;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.reply.HistoryMetadata;
import io.tzurot.core.reply.LoadingConversation;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the reply a swipe action is about and holds the rules shared by every action: who asked, whether the reply
 * is the character's latest in its channel, and that one action at a time changes a reply.
 */
public final class ReplyTargets {

    /** History metadata key naming the request that first produced a regenerated reply. */
    static final String FIRST_REQUEST = "firstRequestId";

    private final ConversationHistoryRepository history;
    private final PersonaRepository personas;
    private final UserRepository users;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    public ReplyTargets(ConversationHistoryRepository history, PersonaRepository personas, UserRepository users) {
        this.history = Objects.requireNonNull(history, "history");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** The reply posted as Discord message {@code messageId} (any of its chunks); empty for anything else. */
    public Optional<ReplyTarget> byDiscordMessage(String messageId) {
        if (messageId == null || !messageId.matches("\\d{1,20}")) {
            return Optional.empty();
        }
        return history.findByDiscordMessageId(messageId).flatMap(this::target);
    }

    /** The reply of request {@code requestId} (a web reply's id); empty when there is none. */
    public Optional<ReplyTarget> byRequest(String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 200) {
            return Optional.empty();
        }
        return history.find(RecordingExchange.assistantTurnId(requestId)).flatMap(this::target);
    }

    private Optional<ReplyTarget> target(HistoryMessage row) {
        if (row.role() != HistoryRole.ASSISTANT || row.deleted().isPresent()
                || HistoryMetadata.read(row.metadataJson(), "failed").isPresent()) {
            return Optional.empty();
        }
        Optional<String> requestId = HistoryMetadata.read(row.metadataJson(), FIRST_REQUEST)
                .or(() -> HistoryMetadata.read(row.metadataJson(), "requestId"));
        if (requestId.isEmpty() || !row.id().equals(RecordingExchange.assistantTurnId(requestId.get()))) {
            return Optional.empty();
        }
        Optional<HistoryMessage> asked = history.find(RecordingExchange.userTurnId(requestId.get()))
                .filter(u -> u.deleted().isEmpty());
        Optional<String> requester = asked.flatMap(u -> personas.findById(u.personaId())).map(Persona::ownerId)
                .flatMap(users::findById).map(User::discordId);
        if (asked.isEmpty() || requester.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReplyTarget(row, asked.get(), requestId.get(), requester.get()));
    }

    /** Whether {@code actorId} may regenerate or swipe the reply: only the person who asked. */
    public static boolean mayChange(ReplyTarget target, String actorId) {
        return target.requesterId().equals(actorId);
    }

    /** Whether {@code actorId} may delete the reply: the person who asked, or a moderator of the channel. */
    public static boolean mayDelete(ReplyTarget target, String actorId, boolean moderator) {
        return moderator || mayChange(target, actorId);
    }

    /** Whether the reply is its character's newest (live) reply in its channel. */
    public boolean isLatest(ReplyTarget target, Instant now) {
        HistoryMessage reply = target.reply();
        List<HistoryMessage> rows = history.recent(RecentHistoryQuery.wholeChannel(reply.channelId(),
                reply.personalityId(), LoadingConversation.MAX_ROWS, Optional.empty(), Optional.empty(), now));
        for (int i = rows.size() - 1; i >= 0; i--) {
            HistoryMessage row = rows.get(i);
            if (row.role() == HistoryRole.ASSISTANT && row.personalityId().equals(reply.personalityId())) {
                return row.id().equals(reply.id());
            }
        }
        return false;
    }

    /** Records that the reply is now posted as these platform messages (a swipe added or removed chunks). */
    public void posted(ReplyTarget target, List<String> messageIds) {
        history.setDiscordMessageIds(target.reply().id(), messageIds);
    }

    /** Claims the reply for one action; false when another holds it. */
    boolean claim(UUID replyId) {
        return busy.add(replyId);
    }

    void release(UUID replyId) {
        busy.remove(replyId);
    }

    ConversationHistoryRepository history() {
        return history;
    }
}
