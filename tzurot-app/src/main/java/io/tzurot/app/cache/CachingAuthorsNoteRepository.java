package io.tzurot.app.cache;

import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.AuthorsNoteRepository;
import io.tzurot.core.notes.NoteScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Author's notes read through a cache: every reply asks for the notes that could apply to it, and almost always
 * there are none or the same ones, wherever it is asked (only the few channels with a note of their own are part of
 * the question). Every write announces a {@link EventTopic#NOTES} change; deleting a user, a
 * character or a persona (whose notes go with them) evicts too.
 */
public final class CachingAuthorsNoteRepository implements AuthorsNoteRepository {

    private final AuthorsNoteRepository delegate;
    private final RepositoryCache cache;

    public CachingAuthorsNoteRepository(AuthorsNoteRepository delegate, CacheContext context) {
        this.delegate = delegate;
        this.cache = new RepositoryCache(context, "authors_notes", 20_000, EventTopic.NOTES, EventTopic.USER,
                EventTopic.PERSONALITY, EventTopic.PERSONA);
    }

    @Override
    public Optional<AuthorsNote> find(NoteScope scope) {
        return delegate.find(scope); // the editors' read: rare, and it must show the stored text
    }

    @Override
    public void save(AuthorsNote note, UUID updatedBy) {
        cache.run(() -> delegate.save(note, updatedBy));
    }

    @Override
    public boolean delete(NoteScope scope) {
        return cache.write(() -> delegate.delete(scope));
    }

    /**
     * Channels known to have no note of their own are left out of the question, so a reply in a new channel is
     * answered from the entry its character and user already have.
     */
    @Override
    public List<AuthorsNote> candidates(UUID personalityId, List<String> channelIds, UUID userId) {
        List<String> asked = channelsWithNotes().map(noted -> channelIds.stream().filter(noted::contains).toList())
                .orElseGet(() -> List.copyOf(channelIds));
        return cache.get(() -> delegate.candidates(personalityId, asked, userId), "candidates", personalityId, asked,
                userId);
    }

    @Override
    public Optional<java.util.Set<String>> channelsWithNotes() {
        return cache.get(delegate::channelsWithNotes, "channels");
    }

    @Override
    public List<AuthorsNote> ofUser(UUID userId) {
        return delegate.ofUser(userId);
    }
}
