package io.tzurot.core.channel;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The channels of a server with activated characters (one entry per character), for anyone in that server. A character the caller may
 * not see is listed without its details, so a private character's name never leaks through the list.
 */
public final class ListingActivatedChannels {

    /** One activated channel; {@code visible} tells whether the caller may see the character. */
    public record ActiveChannel(String channelId, Personality personality, boolean visible, Instant since) {
    }

    private final ChannelSettingsRepository channels;
    private final PersonalityRepository personalities;
    private final ViewingPersonalities viewing;

    public ListingActivatedChannels(ChannelSettingsRepository channels, PersonalityRepository personalities) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.viewing = new ViewingPersonalities(personalities);
    }

    /** The server's activated channels; {@code guildId} null (a DM) is refused. */
    public List<ActiveChannel> inGuild(Actor actor, String guildId) {
        if (guildId == null) {
            throw DomainException.invalid("channel", "Activated channels can only be listed in a server.");
        }
        return channels.listActivatedInGuild(guildId).stream()
                .flatMap(s -> s.activated().stream().flatMap(id -> personalities.findById(id).stream())
                        .map(p -> new ActiveChannel(s.channelId(), p,
                                viewing.find(actor, p.slug()).isPresent(), s.updatedAt())))
                .toList();
    }
}
