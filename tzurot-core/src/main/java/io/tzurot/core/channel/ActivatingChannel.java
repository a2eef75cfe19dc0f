package io.tzurot.core.channel;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.Viewer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Activates a character in a server channel (it then answers every message there, and in threads under it that
 * have no settings of their own) and removes it again. Only a channel moderator (the platform decides who that
 * is, e.g. Manage Messages in Discord, or the server owner) or the bot owner may; the character must be one the
 * caller may see, so nobody activates someone else's private character.
 */
public final class ActivatingChannel {

    /** Where the command was used, as the platform reports it. */
    public record Place(String channelId, Optional<String> guildId, boolean moderator) {

        public Place {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(guildId, "guildId");
        }
    }

    /** The activated character, and whether another one was replaced. */
    public record Activation(Personality personality, boolean replacedAnother) {
    }

    /** What {@link #deactivate} removed: the character that was active, if any. */
    public record Deactivation(Optional<Personality> removed) {
    }

    private final ChannelSettingsRepository channels;
    private final PersonalityRepository personalities;

    public ActivatingChannel(ChannelSettingsRepository channels, PersonalityRepository personalities) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
    }

    /** Makes {@code slug} the channel's one activated character, replacing any other. */
    public Activation activate(Actor actor, Place place, String slug) {
        String guildId = requireModerator(actor, place);
        String wanted = slug == null ? "" : slug.strip();
        if (wanted.isEmpty()) {
            throw DomainException.invalid("character", "Name the character to activate (its slug).");
        }
        Personality personality = personalities.lookup(wanted, new Viewer(actor.userId(), actor.owner()))
                .orElseThrow(() -> DomainException.notFound("Character '" + wanted + "'"));
        Optional<java.util.UUID> before = channels.find(place.channelId()).flatMap(ChannelSettings::activatedPersonality);
        channels.activate(place.channelId(), guildId, personality.id(), actor.userId());
        return new Activation(personality, before.isPresent() && !before.get().equals(personality.id()));
    }

    /** Removes the channel's activated character; idempotent. */
    public Deactivation deactivate(Actor actor, Place place) {
        requireModerator(actor, place);
        Optional<Personality> active = channels.find(place.channelId()).flatMap(ChannelSettings::activatedPersonality)
                .flatMap(personalities::findById);
        channels.deactivate(place.channelId());
        return new Deactivation(active);
    }

    /** The activated channels of the caller's server with their characters; anyone in the server may look. */
    public List<ActiveChannel> activeInGuild(Actor actor, Place place) {
        String guildId = place.guildId().orElseThrow(() -> DomainException.invalid("channel",
                "Channels can only be listed in a server."));
        Viewer viewer = new Viewer(actor.userId(), actor.owner());
        return channels.listActivatedInGuild(guildId).stream()
                .flatMap(s -> s.activatedPersonality().flatMap(personalities::findById).stream()
                        .map(p -> new ActiveChannel(s.channelId(), p, personalities.canView(p.id(), viewer),
                                s.updatedAt())))
                .toList();
    }

    /** One activated channel; {@code visible} tells whether the caller may see the character's details. */
    public record ActiveChannel(String channelId, Personality personality, boolean visible, java.time.Instant since) {
    }

    private static String requireModerator(Actor actor, Place place) {
        String guildId = place.guildId().orElseThrow(() -> DomainException.invalid("channel",
                "Characters can only be activated in a server channel, not in direct messages."));
        if (!place.moderator() && !actor.owner()) {
            throw DomainException.forbidden("You need the Manage Messages permission in this channel"
                    + " (or to own the server) to change its activated character.");
        }
        return guildId;
    }
}
