package io.tzurot.core.channel;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One character asked to speak by a person: {@code /chime-in} (the named character, or one of the channel's scene
 * at random) and {@code /random} (any character the person may see, at random). Only characters the person may
 * see are ever chosen.
 */
public final class PickingSpeaker {

    private final ChannelSettingsRepository channels;
    private final PersonalityRepository personalityRepository;
    private final ViewingPersonalities personalities;
    private final ChoosingSpeakers choosing;

    public PickingSpeaker(ChannelSettingsRepository channels, PersonalityRepository personalities,
                          ChoosingSpeakers choosing) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.personalityRepository = Objects.requireNonNull(personalities, "personalities");
        this.personalities = new ViewingPersonalities(personalities);
        this.choosing = Objects.requireNonNull(choosing, "choosing");
    }

    /**
     * Who chimes in: the character with {@code slug} when given, else a random one of the scene of
     * {@code channelId} (or of {@code parentId}, for a thread without settings of its own).
     */
    public Personality chimeIn(Actor actor, String channelId, Optional<String> parentId, Optional<String> slug) {
        if (slug.isPresent() && !slug.get().isBlank()) {
            return personalities.visible(actor, slug.get().strip());
        }
        Optional<ChannelSettings> settings = channels.find(channelId).or(() -> parentId.flatMap(channels::find));
        List<Personality> present = settings.map(ChannelSettings::activated).orElse(List.of()).stream()
                .flatMap(id -> personalityRepository.findById(id).stream())
                .filter(p -> personalities.find(actor, p.slug()).isPresent()).toList();
        if (present.isEmpty()) {
            throw DomainException.invalid("character", "No character you can talk to is active in this channel;"
                    + " name one: /chime-in character:<slug>.");
        }
        return choosing.pickOne(present);
    }

    /** A random character of all those {@code actor} may see. */
    public Personality anyVisible(Actor actor) {
        List<Personality> visible = personalities.list(actor);
        if (visible.isEmpty()) {
            throw DomainException.invalid("character", "There is no character you can talk to yet.");
        }
        return choosing.pickOne(visible);
    }
}
