package io.tzurot.core.moderation;

import java.util.Optional;

/** What the platform knows about a bare id: whether it names a server the bot is in, or a channel (and its server). */
public interface DiscordPlaces {

    boolean isGuild(String id);

    /** The server of the channel with this id, when it is a channel the bot sees. */
    Optional<String> guildOfChannel(String id);

    /** Knows no place: a bare id names a user (the web, where the type is given explicitly instead). */
    static DiscordPlaces none() {
        return new DiscordPlaces() {
            @Override
            public boolean isGuild(String id) {
                return false;
            }

            @Override
            public Optional<String> guildOfChannel(String id) {
                return Optional.empty();
            }
        };
    }
}
