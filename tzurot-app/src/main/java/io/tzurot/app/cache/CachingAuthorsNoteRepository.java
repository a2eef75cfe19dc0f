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
 * there are none or the same ones. Every write announces a {@link EventTopic#NOTES} change; deleting a user, a
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

    @Override
    public List<AuthorsNote> candidates(UUID personalityId, List<String> channelIds, UUID userId) {
        return cache.get(() -> delegate.candidates(personalityId, channelIds, userId), "candidates", personalityId,
                List.copyOf(channelIds), userId);
    }

    @Override
    public List<AuthorsNote> ofUser(UUID userId) {
        return delegate.ofUser(userId);
    }
}
