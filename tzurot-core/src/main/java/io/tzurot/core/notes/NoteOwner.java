package io.tzurot.core.notes;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import java.util.Objects;
import java.util.Optional;

/** Whose author's note a caller acts on, with what the face knows of the caller. */
public sealed interface NoteOwner {

    /** A character's note (the caller must be allowed to edit the character). */
    record Character(Actor actor, String slug) implements NoteOwner {
        public Character {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The note of the Discord channel the caller is in (the caller must manage the channel). */
    record Channel(ChannelCaller caller) implements NoteOwner {
        public Channel {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** Any channel's note from outside Discord, where membership cannot be proven: the bot owner only. */
    record ChannelAsOperator(Actor actor, String channelId) implements NoteOwner {
        public ChannelAsOperator {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The caller's own note for one character (a slug they may see) or, empty, for every character. */
    record Mine(Actor actor, Optional<String> slug) implements NoteOwner {
        public Mine {
            Objects.requireNonNull(actor, "actor");
            slug = Objects.requireNonNullElse(slug, Optional.<String>empty()).filter(s -> !s.isBlank());
        }
    }
}
