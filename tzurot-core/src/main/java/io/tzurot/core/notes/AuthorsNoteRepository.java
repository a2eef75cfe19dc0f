package io.tzurot.core.notes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: stored author's notes, at most one per owner ({@link NoteScope#key()}). */
public interface AuthorsNoteRepository {

    Optional<AuthorsNote> find(NoteScope scope);

    /** Inserts or replaces the note of its scope, recording who wrote it. */
    void save(AuthorsNote note, UUID updatedBy);

    /** Deletes the scope's note; false when there was none. */
    boolean delete(NoteScope scope);

    /**
     * Every note that could apply to a reply of {@code personalityId} to {@code userId} in any of
     * {@code channelIds}: the character's, those channels', and the user's for that character or for all.
     */
    List<AuthorsNote> candidates(UUID personalityId, List<String> channelIds, UUID userId);

    /**
     * The ids of every channel with a note of its own, when they are few enough to hold: a reply in any other channel
     * (most of them, and every new one) then asks only for the character's and the user's notes, which a cache
     * answers. Empty when unknown or too many.
     */
    default Optional<java.util.Set<String>> channelsWithNotes() {
        return Optional.empty();
    }

    /** The user's own notes (for exports), oldest key first. */
    List<AuthorsNote> ofUser(UUID userId);
}
