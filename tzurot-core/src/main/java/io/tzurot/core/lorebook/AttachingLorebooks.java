package io.tzurot.core.lorebook;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Use case: attaching lorebooks to a persona, a channel or everything, and who may. Only a book's owner (or the bot
 * owner) attaches it; a persona's books are its owner's business; a channel's are its managers' (Manage Messages
 * there, the server's owner, the bot owner; from outside Discord the bot owner only); everything's are the bot
 * owner's. A manager may detach any book from their channel, the book's owner included or not.
 */
public final class AttachingLorebooks {

    private final LorebookRepository books;
    private final PersonaRepository personas;

    public AttachingLorebooks(LorebookRepository books, PersonaRepository personas) {
        this.books = Objects.requireNonNull(books, "books");
        this.personas = Objects.requireNonNull(personas, "personas");
    }

    /** Attaches the caller's book to one of the caller's personas. */
    public void attachToPersona(Actor actor, UUID bookId, UUID personaId) {
        Lorebook book = ownedBook(actor, bookId);
        books.attach(LoreTarget.persona(ownPersona(actor, personaId).id()), book.id());
    }

    /** Detaches a book from one of the caller's personas; not found when it was not attached. */
    public void detachFromPersona(Actor actor, UUID bookId, UUID personaId) {
        detach(LoreTarget.persona(ownPersona(actor, personaId).id()), bookId);
    }

    /** The books on one of the caller's personas. */
    public List<LorebookSummary> onPersona(Actor actor, UUID personaId) {
        return summaries(LoreTarget.persona(ownPersona(actor, personaId).id()));
    }

    /** Attaches the caller's book to a Discord channel the caller manages. */
    public void attachToChannel(ChannelCaller caller, UUID bookId) {
        requireManager(caller);
        Lorebook book = ownedBook(caller.actor(), bookId);
        books.attach(channel(caller.channelId()), book.id());
    }

    /** Detaches a book from a Discord channel the caller manages. */
    public void detachFromChannel(ChannelCaller caller, UUID bookId) {
        requireManager(caller);
        detach(channel(caller.channelId()), bookId);
    }

    /** The books on a Discord channel the caller manages. */
    public List<LorebookSummary> onChannel(ChannelCaller caller) {
        requireManager(caller);
        return summaries(channel(caller.channelId()));
    }

    /** The operator's way to a channel's books from outside Discord (membership cannot be proven there). */
    public void attachToChannelAsOperator(Actor actor, String channelId, UUID bookId) {
        requireOperator(actor, "a channel's lorebooks outside Discord");
        books.attach(channel(channelId), ownedBook(actor, bookId).id());
    }

    /** Detaches a book from a channel, as the operator. */
    public void detachFromChannelAsOperator(Actor actor, String channelId, UUID bookId) {
        requireOperator(actor, "a channel's lorebooks outside Discord");
        detach(channel(channelId), bookId);
    }

    /** A channel's books, for the operator. */
    public List<LorebookSummary> onChannelAsOperator(Actor actor, String channelId) {
        requireOperator(actor, "a channel's lorebooks outside Discord");
        return summaries(channel(channelId));
    }

    /** Attaches a book to every reply of the bot. */
    public void attachGlobally(Actor actor, UUID bookId) {
        requireOperator(actor, "the lorebooks of every reply");
        books.attach(LoreTarget.global(), ownedBook(actor, bookId).id());
    }

    /** Detaches a global book. */
    public void detachGlobally(Actor actor, UUID bookId) {
        requireOperator(actor, "the lorebooks of every reply");
        detach(LoreTarget.global(), bookId);
    }

    /** The global books; everyone may see which they are (they shape every reply), not their entries. */
    public List<LorebookSummary> global() {
        return summaries(LoreTarget.global());
    }

    private Lorebook ownedBook(Actor actor, UUID bookId) {
        return books.find(bookId).filter(b -> actor.mayManage(b.ownerId()))
                .orElseThrow(() -> DomainException.notFound("Lorebook '" + bookId + "'"));
    }

    private Persona ownPersona(Actor actor, UUID personaId) {
        // personas stay personal: another's is not found, for the bot owner too
        return personas.findById(personaId).filter(p -> p.ownerId().equals(actor.userId()))
                .orElseThrow(() -> DomainException.notFound("Persona '" + personaId + "'"));
    }

    private void detach(LoreTarget target, UUID bookId) {
        if (!books.detach(target, bookId)) {
            throw DomainException.notFound("Lorebook '" + bookId + "' on this " + target.kind().wireName());
        }
    }

    private List<LorebookSummary> summaries(LoreTarget target) {
        return books.attachedTo(target).stream()
                .map(b -> new LorebookSummary(b.id(), b.ownerId(), b.name(), b.content().entries().size())).toList();
    }

    private static LoreTarget channel(String channelId) {
        String id = channelId == null ? "" : channelId.strip();
        if (id.isEmpty() || id.length() > LoreTarget.MAX_ID) {
            throw DomainException.invalid("channelId", "A channel id of 1-" + LoreTarget.MAX_ID
                    + " characters is expected.");
        }
        return LoreTarget.channel(id);
    }

    private static void requireManager(ChannelCaller caller) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Channel lorebooks exist only for server channels; in a direct message attach a book to your"
                    + " persona instead."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may change this channel's lorebooks.");
        }
    }

    private static void requireOperator(Actor actor, String what) {
        if (!actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may change " + what + ".");
        }
    }
}
