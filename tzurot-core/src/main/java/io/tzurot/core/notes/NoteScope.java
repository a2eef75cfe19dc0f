package io.tzurot.core.notes;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Whose author's note: a character's, a channel's (every character there), or a user's (one character or all). */
public sealed interface NoteScope {

    /** The kind as stored and shown: {@code character}, {@code channel} or {@code user}. */
    String kind();

    /** The one key naming this owner in storage. */
    String key();

    /** A character's own note, edited by whoever may edit the character. */
    record Character(UUID personalityId) implements NoteScope {
        public Character {
            Objects.requireNonNull(personalityId, "personalityId");
        }

        @Override
        public String kind() {
            return "character";
        }

        @Override
        public String key() {
            return "character:" + personalityId;
        }
    }

    /** A channel's note, for every character answering there; edited by the channel's managers. */
    record Channel(String channelId) implements NoteScope {
        public Channel {
            Objects.requireNonNull(channelId, "channelId");
        }

        @Override
        public String kind() {
            return "channel";
        }

        @Override
        public String key() {
            return "channel:" + channelId;
        }
    }

    /** A user's own note, for one character or (empty) for every character. */
    record User(UUID userId, Optional<UUID> personalityId) implements NoteScope {
        public User {
            Objects.requireNonNull(userId, "userId");
            personalityId = Objects.requireNonNullElse(personalityId, Optional.empty());
        }

        @Override
        public String kind() {
            return "user";
        }

        @Override
        public String key() {
            return userKey(userId, personalityId);
        }
    }

    /** The key of a user's row for one character or all ({@code *}); user prompts share it. */
    static String userKey(UUID userId, Optional<UUID> personalityId) {
        return "user:" + userId + ":" + personalityId.map(UUID::toString).orElse("*");
    }
}
