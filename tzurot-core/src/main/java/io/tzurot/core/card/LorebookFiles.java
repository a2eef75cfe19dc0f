package io.tzurot.core.card;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.text.TextRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Standalone lorebooks: import a SillyTavern world-info file or a {@code character_book} as a lorebook the caller
 * owns, export it again, list and delete one's own, attach one to a character the caller may edit. Only a book's
 * owner (or the bot owner) sees it; anyone else gets not found.
 */
public final class LorebookFiles {

    private final CardCodec codec;
    private final LorebookRepository lorebooks;
    private final ViewingPersonalities viewing;
    private final Transactions transactions;

    public LorebookFiles(CardCodec codec, LorebookRepository lorebooks, ViewingPersonalities viewing,
                         Transactions transactions) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.lorebooks = Objects.requireNonNull(lorebooks, "lorebooks");
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * Imports the file as a new lorebook named {@code name} (else the file's own name, else the file name), attached
     * to the character {@code attachTo} when given (which the caller must be allowed to edit).
     */
    public Lorebook importFile(Actor actor, String fileName, byte[] bytes, String name, Optional<String> attachTo) {
        Objects.requireNonNull(actor, "actor");
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("file", "The file is empty; send a SillyTavern world-info or character_book JSON.");
        }
        LorebookContent content;
        try {
            content = codec.readLorebook(fileName == null ? "" : fileName, bytes);
        } catch (CardFileException e) {
            throw DomainException.invalid("file", e.getMessage());
        }
        String chosen = TextRules.optional("name", name, LorebookContent.MAX_NAME, TextRules.Lines.SINGLE)
                .or(() -> TextRules.optional("name", content.name(), LorebookContent.MAX_NAME, TextRules.Lines.SINGLE))
                .orElseGet(() -> fallbackName(fileName));
        Optional<Personality> target = attachTo.map(slug -> viewing.editable(actor, slug));
        return transactions.inTransaction(() -> {
            Lorebook saved = lorebooks.create(actor.userId(), content.withName(chosen));
            target.ifPresent(p -> lorebooks.attach(p.id(), saved.id()));
            return saved;
        });
    }

    /** The caller's own lorebooks. */
    public List<LorebookSummary> list(Actor actor) {
        return lorebooks.listOwned(actor.userId());
    }

    /** The book, when the caller owns it (or is the bot owner). */
    public Lorebook owned(Actor actor, UUID id) {
        return lorebooks.find(id).filter(b -> actor != null && actor.mayManage(b.ownerId()))
                .orElseThrow(() -> DomainException.notFound("Lorebook '" + id + "'"));
    }

    public ExportedFile export(Actor actor, UUID id, LorebookFormat format) {
        Lorebook book = owned(actor, id);
        String base = book.name().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return new ExportedFile((base.isEmpty() ? "lorebook" : base) + ".json", "application/json",
                codec.writeLorebook(book.content(), format));
    }

    public void delete(Actor actor, UUID id) {
        lorebooks.delete(owned(actor, id).id());
    }

    /** Attaches the caller's book to a character the caller may edit. */
    public void attach(Actor actor, UUID id, String slug) {
        Lorebook book = owned(actor, id);
        lorebooks.attach(viewing.editable(actor, slug).id(), book.id());
    }

    /** Detaches a book from a character the caller may edit; not found when it was not attached. */
    public void detach(Actor actor, UUID id, String slug) {
        Personality p = viewing.editable(actor, slug);
        if (!lorebooks.detach(p.id(), id)) {
            throw DomainException.notFound("Lorebook '" + id + "' on '" + slug + "'");
        }
    }

    /** The books attached to a character the caller may see (their names and entry counts). */
    public List<LorebookSummary> attached(Actor actor, String slug) {
        Personality p = viewing.visible(actor, slug);
        return lorebooks.attachedTo(p.id()).stream()
                .map(b -> new LorebookSummary(b.id(), b.ownerId(), b.name(), b.content().entries().size())).toList();
    }

    /** The books attached to a character the caller may see, with their entries (another's private one: not found). */
    public List<Lorebook> attachedBooks(Actor actor, String slug) {
        return lorebooks.attachedTo(viewing.visible(actor, slug).id());
    }

    private static String fallbackName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll("(?i)\\.json$", "").strip();
        return base.isEmpty() ? "Imported lorebook" : base.length() > LorebookContent.MAX_NAME
                ? base.substring(0, LorebookContent.MAX_NAME) : base;
    }
}
