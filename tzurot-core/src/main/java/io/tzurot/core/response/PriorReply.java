package io.tzurot.core.response;

import io.tzurot.core.prompt.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An earlier reply of the same conversation, to compare a new reply with.
 *
 * @param content its text as delivered (footers are ignored when comparing)
 * @param embedding its embedding, when known
 */
public record PriorReply(String content, Optional<ReplyVector> embedding) {

    /** Assistant replies compared against. */
    public static final int MAX_REPLIES = 5;
    /** Newest history entries scanned for them. */
    public static final int MAX_SCANNED = 100;

    /** Validates the fields. */
    public PriorReply {
        Objects.requireNonNull(content, "content must not be null");
        embedding = Objects.requireNonNullElse(embedding, Optional.empty());
    }

    /** The last five replies of any character among the newest hundred entries (oldest first), newest first. */
    public static List<PriorReply> recentFrom(List<HistoryEntry> history) {
        return recentFrom(history, null);
    }

    /**
     * The last five replies of the character {@code personalityId} (null: any) among the newest hundred entries of
     * {@code history} (oldest first), newest first: a character is kept from repeating itself, not the others.
     */
    public static List<PriorReply> recentFrom(List<HistoryEntry> history, String personalityId) {
        List<PriorReply> out = new ArrayList<>(MAX_REPLIES);
        int stop = Math.max(0, history.size() - MAX_SCANNED);
        for (int i = history.size() - 1; i >= stop && out.size() < MAX_REPLIES; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.role() == HistoryEntry.Role.ASSISTANT && (personalityId == null || entry.isTurnOf(personalityId))) {
                out.add(new PriorReply(entry.content(), Optional.empty()));
            }
        }
        return out;
    }
}
