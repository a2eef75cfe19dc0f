package io.tzurot.core.lorebook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: lorebooks with their entries, and which characters, personas, channels (or everything) they are attached to. */
public interface LorebookRepository {

    /** Stores a new lorebook with a random id, its entries in the given order. */
    Lorebook create(UUID ownerId, LorebookContent content);

    /** Replaces the book's settings and all its entries; empty when not found. */
    Optional<Lorebook> replace(UUID lorebookId, LorebookContent content);

    Optional<Lorebook> find(UUID lorebookId);

    /** The books a user owns, by name. */
    List<LorebookSummary> listOwned(UUID ownerId);

    /** Deletes the book, its entries and its attachments. */
    boolean delete(UUID lorebookId);

    /** Attaches a book to a character (no effect when already attached). */
    void attach(UUID personalityId, UUID lorebookId);

    boolean detach(UUID personalityId, UUID lorebookId);

    /** The books attached to a character, oldest attachment first. */
    List<Lorebook> attachedTo(UUID personalityId);

    /** Attaches a book to a persona, a channel or everything (no effect when already attached). */
    void attach(LoreTarget target, UUID lorebookId);

    boolean detach(LoreTarget target, UUID lorebookId);

    /** The books attached to a persona, a channel or everything, oldest attachment first. */
    List<Lorebook> attachedTo(LoreTarget target);

    /**
     * The ids of the targets of {@code kind} with at least one book attached: few, so a reply in any other channel
     * (most of them, and every new one) needs no read of its own. Empty when this repository cannot tell cheaply
     * (then each target is read).
     */
    default java.util.Optional<java.util.Set<String>> targetsWithBooks(LoreTarget.Kind kind) {
        return java.util.Optional.empty();
    }
}
