package io.tzurot.core.channel;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.Objects;
import java.util.Optional;

/**
 * Activates a personality in a channel (it then answers every message there) or deactivates it. Only a
 * member with Manage Messages in the channel, the server's owner or the bot owner may; the personality must
 * be one the caller may see.
 */
public final class ActivatingChannel {

    /** The outcome of an activation: the channel's row, what it now answers as, and what it replaced. */
    public record Activation(ChannelSettings channel, Personality personality, Optional<Personality> replaced) {
    }

    private final ChannelSettingsRepository channels;
    private final PersonalityRepository personalityRepository;
    private final ViewingPersonalities personalities;

    public ActivatingChannel(ChannelSettingsRepository channels, PersonalityRepository personalities) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.personalityRepository = Objects.requireNonNull(personalities, "personalities");
        this.personalities = new ViewingPersonalities(personalities);
    }

    /** Makes the personality with {@code slug} the channel's only activated one. */
    public Activation activate(ChannelCaller caller, String slug) {
        requireManager(caller);
        Personality p = personalities.visible(caller.actor(), slug == null ? "" : slug.strip());
        Optional<Personality> before = active(caller.channelId()).filter(old -> !old.id().equals(p.id()));
        ChannelSettings row = channels.activate(caller.channelId(), caller.guildId(), p.id(), caller.actor().userId());
        return new Activation(row, p, before);
    }

    /** Removes the channel's activated personality; empty when none was active (it is idempotent). */
    public Optional<Personality> deactivate(ChannelCaller caller) {
        requireManager(caller);
        Optional<Personality> before = active(caller.channelId());
        boolean removed = channels.deactivate(caller.channelId());
        return removed ? before : Optional.empty();
    }

    /** The personality activated in a channel, if any. */
    public Optional<Personality> active(String channelId) {
        return channels.find(channelId).flatMap(ChannelSettings::activatedPersonality)
                .flatMap(personalityRepository::findById);
    }

    private static void requireManager(ChannelCaller caller) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Characters can be activated only in a server channel."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may change which character is active here.");
        }
    }
}
