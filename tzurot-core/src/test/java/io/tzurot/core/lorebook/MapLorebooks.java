package io.tzurot.core.lorebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Books in a map: enough of the repository for the editing use case (no attachments). */
final class MapLorebooks implements LorebookRepository {

    final Map<UUID, Lorebook> books = new LinkedHashMap<>();
    int writes;

    @Override
    public Lorebook create(UUID ownerId, LorebookContent content) {
        Lorebook b = new Lorebook(UUID.randomUUID(), ownerId, content, Instant.EPOCH, Instant.EPOCH);
        books.put(b.id(), b);
        writes++;
        return b;
    }

    @Override
    public Optional<Lorebook> replace(UUID id, LorebookContent content) {
        Lorebook old = books.get(id);
        if (old == null) {
            return Optional.empty();
        }
        Lorebook b = new Lorebook(id, old.ownerId(), content, old.createdAt(), Instant.EPOCH);
        books.put(id, b);
        writes++;
        return Optional.of(b);
    }

    @Override
    public Optional<Lorebook> find(UUID id) {
        return Optional.ofNullable(books.get(id));
    }

    @Override
    public List<LorebookSummary> listOwned(UUID ownerId) {
        return books.values().stream().filter(b -> b.ownerId().equals(ownerId)).sorted(Comparator.comparing(
                Lorebook::name)).map(b -> new LorebookSummary(b.id(), b.ownerId(), b.name(),
                b.content().entries().size())).toList();
    }

    @Override
    public boolean delete(UUID id) {
        writes++;
        return books.remove(id) != null;
    }

    @Override
    public void attach(UUID personalityId, UUID lorebookId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean detach(UUID personalityId, UUID lorebookId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Lorebook> attachedTo(UUID personalityId) {
        return new ArrayList<>();
    }

    @Override
    public void attach(LoreTarget target, UUID lorebookId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean detach(LoreTarget target, UUID lorebookId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Lorebook> attachedTo(LoreTarget target) {
        return new ArrayList<>();
    }
}
