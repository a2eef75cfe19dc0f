package io.tzurot.core.channel;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds characters to a channel's scene (they then take turns answering its messages) or removes them. Only a
 * member with Manage Messages in the channel, the server's owner or the bot owner may; the character must be one
 * the caller may see; a scene holds at most the bot owner's {@link SceneLimits#maxCharacters()}.
 */
public final class ActivatingChannel {

    /** The outcome of an activation: the channel's row, the character, and whether it was active already. */
    public record Activation(ChannelSettings channel, Personality personality, boolean alreadyActive) {
    }

    private final ChannelSettingsRepository channels;
    private final PersonalityRepository personalityRepository;
    private final ViewingPersonalities personalities;
    private final SceneSettingsRepository scene;

    public ActivatingChannel(ChannelSettingsRepository channels, PersonalityRepository personalities,
                             SceneSettingsRepository scene) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.personalityRepository = Objects.requireNonNull(personalities, "personalities");
        this.personalities = new ViewingPersonalities(personalities);
        this.scene = Objects.requireNonNull(scene, "scene");
    }

    /** Adds the personality with {@code slug} to the channel's scene; a conflict when the scene is full. */
    public Activation activate(ChannelCaller caller, String slug) {
        requireManager(caller);
        Personality p = personalities.visible(caller.actor(), slug == null ? "" : slug.strip());
        int limit = scene.limits().maxCharacters();
        ChannelSettingsRepository.Activation done = channels.activate(caller.channelId(), caller.guildId(), p.id(),
                caller.actor().userId(), limit);
        if (done.added() == ChannelSettingsRepository.Added.FULL) {
            throw DomainException.conflict("character", "This channel already has " + limit + " active character"
                    + (limit == 1 ? "" : "s") + ", the most a channel may hold. Deactivate one first with"
                    + " /channel deactivate character:<slug>.");
        }
        return new Activation(done.channel(), p, done.added() == ChannelSettingsRepository.Added.ALREADY_ACTIVE);
    }

    /**
     * Removes the character with {@code slug} from the channel's scene, or every character when {@code slug} is
     * empty; returns those removed (none when nothing was active: it is idempotent).
     */
    public List<Personality> deactivate(ChannelCaller caller, Optional<String> slug) {
        requireManager(caller);
        String channelId = caller.channelId();
        if (slug.isPresent() && !slug.get().isBlank()) {
            // a character since made private stays removable by its slug: the moderator sees it in the scene
            Optional<Personality> p = active(channelId).stream()
                    .filter(a -> a.slug().equalsIgnoreCase(slug.get().strip())).findFirst();
            if (p.isEmpty()) {
                personalities.visible(caller.actor(), slug.get().strip()); // unknown slugs read as not found
                return List.of();
            }
            return channels.deactivate(channelId, p.get().id()) ? List.of(p.get()) : List.of();
        }
        List<Personality> before = active(channelId);
        channels.deactivateAll(channelId);
        return before;
    }

    /** The personalities activated in a channel, oldest activation first. */
    public List<Personality> active(String channelId) {
        return channels.find(channelId).map(ChannelSettings::activated).orElse(List.of()).stream()
                .flatMap(id -> personalityRepository.findById(id).stream()).toList();
    }

    private static void requireManager(ChannelCaller caller) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Characters can be activated only in a server channel."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may change which characters are active here.");
        }
    }
}
