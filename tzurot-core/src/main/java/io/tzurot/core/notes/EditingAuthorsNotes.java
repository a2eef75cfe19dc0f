package io.tzurot.core.notes;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.channel.DiscordChannelId;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.prompt.TokenCounter;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: setting, showing and clearing author's notes, and who may. A character's note: whoever may edit the
 * character (owner, co-owner, bot owner). A channel's: its managers (Manage Messages there, the server's owner, the
 * bot owner; from outside Discord the bot owner only). A user's own: that user, for a character they may see or
 * for all. A reply uses the most specific one (see {@code NotesForReplies}).
 */
public final class EditingAuthorsNotes {

    /** A note and the tokens of its text. */
    public record Shown(AuthorsNote note, Optional<String> slug, int tokens) {
    }

    private final AuthorsNoteRepository notes;
    private final ViewingPersonalities personalities;
    private final TokenCounter tokens;
    private final Clock clock;

    public EditingAuthorsNotes(AuthorsNoteRepository notes, ViewingPersonalities personalities, TokenCounter tokens,
                               Clock clock) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates or changes the owner's note: null fields keep their value (defaults for a new note). */
    public Shown set(NoteOwner owner, NoteInput input) {
        Objects.requireNonNull(input, "input");
        Target target = target(owner);
        Optional<AuthorsNote> existing = notes.find(target.scope);
        String content = input.content() != null ? input.content()
                : existing.map(AuthorsNote::content).orElse(null);
        AuthorsNote note = new AuthorsNote(target.scope, NoteLimits.text("content", content, NoteLimits.MAX_NOTE_TOKENS,
                tokens),
                NoteLimits.depth(input.depth() != null ? input.depth()
                        : existing.map(AuthorsNote::depth).orElse(AuthorsNote.DEFAULT_DEPTH)),
                input.role() != null ? NoteRole.parse(input.role())
                        : existing.map(AuthorsNote::role).orElse(AuthorsNote.DEFAULT_ROLE),
                NoteLimits.frequency(input.frequency() != null ? input.frequency()
                        : existing.map(AuthorsNote::frequency).orElse(AuthorsNote.DEFAULT_FREQUENCY)),
                clock.instant());
        notes.save(note, target.actor.userId());
        return shown(note, target);
    }

    /** The owner's note; empty when none is set. */
    public Optional<Shown> show(NoteOwner owner) {
        Target target = target(owner);
        return notes.find(target.scope).map(n -> shown(n, target));
    }

    /** Removes the owner's note; false when none was set. */
    public boolean clear(NoteOwner owner) {
        return notes.delete(target(owner).scope);
    }

    /** Words for people naming whose note {@code owner} means (after the same permission check). */
    public String describe(NoteOwner owner) {
        return target(owner).describe();
    }

    private Shown shown(AuthorsNote note, Target target) {
        return new Shown(note, target.slug, tokens.count(note.content()));
    }

    /** The scope the caller may act on, after the permission check. */
    private record Target(Actor actor, NoteScope scope, Optional<String> slug) {
        String describe() {
            if (scope instanceof NoteScope.Character) {
                return "for '" + slug.orElse("") + "'";
            }
            if (scope instanceof NoteScope.Channel) {
                return "for this channel";
            }
            return slug.map(s -> "of yours for '" + s + "'").orElse("of yours for all characters");
        }
    }

    private Target target(NoteOwner owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner instanceof NoteOwner.Character c) {
            Personality p = personalities.editable(c.actor(), c.slug());
            return new Target(c.actor(), new NoteScope.Character(p.id()), Optional.of(p.slug()));
        }
        if (owner instanceof NoteOwner.Channel c) {
            requireManager(c.caller());
            return new Target(c.caller().actor(), new NoteScope.Channel(c.caller().channelId()), Optional.empty());
        }
        if (owner instanceof NoteOwner.ChannelAsOperator c) {
            if (!c.actor().owner()) {
                throw DomainException.forbidden("Only the bot owner may change a channel's author's note outside"
                        + " Discord; in the channel, use /note.");
            }
            return new Target(c.actor(), new NoteScope.Channel(DiscordChannelId.checked(c.channelId())), Optional.empty());
        }
        NoteOwner.Mine m = (NoteOwner.Mine) owner;
        Optional<Personality> p = m.slug().map(s -> personalities.visible(m.actor(), s));
        return new Target(m.actor(), new NoteScope.User(m.actor().userId(), p.map(Personality::id)),
                p.map(Personality::slug));
    }

    private static void requireManager(ChannelCaller caller) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Channel author's notes exist only for server channels; in a direct message use your own."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may see or change this channel's author's note.");
        }
    }
}
