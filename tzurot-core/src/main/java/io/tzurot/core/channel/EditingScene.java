package io.tzurot.core.channel;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How scenes take turns: a channel's speaker strategy (the channel rule of {@link ActivatingChannel}), a
 * character's talkativeness (whoever may edit the character) and the limits of every scene (the bot owner).
 */
public final class EditingScene {

    /** A channel's scene as shown: its characters (oldest activation first), their strategy and the limits. */
    public record Scene(List<Personality> characters, SpeakerStrategy strategy, SceneLimits limits) {
    }

    private final ChannelSettingsRepository channels;
    private final SceneSettingsRepository scene;
    private final ViewingPersonalities personalities;
    private final ActivatingChannel activating;

    public EditingScene(ChannelSettingsRepository channels, PersonalityRepository personalities,
                        SceneSettingsRepository scene) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.scene = Objects.requireNonNull(scene, "scene");
        this.personalities = new ViewingPersonalities(personalities);
        this.activating = new ActivatingChannel(channels, personalities, scene);
    }

    /** The channel's scene; characters the caller may not see are left out. */
    public Scene view(Actor actor, String channelId) {
        List<Personality> visible = activating.active(channelId).stream()
                .filter(p -> personalities.find(actor, p.slug()).isPresent()).toList();
        SpeakerStrategy strategy = channels.find(channelId).map(ChannelSettings::speakerStrategy)
                .orElse(SpeakerStrategy.NATURAL);
        return new Scene(visible, strategy, scene.limits());
    }

    /** Sets the channel's speaker strategy by its name. */
    public SpeakerStrategy setStrategy(ChannelCaller caller, String key) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Scenes exist only in server channels."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may change how its characters take turns.");
        }
        SpeakerStrategy strategy = SpeakerStrategy.fromKey(key).orElseThrow(() -> DomainException.invalid("strategy",
                "The speaker strategy must be one of " + Arrays.stream(SpeakerStrategy.values())
                        .map(SpeakerStrategy::key).collect(Collectors.joining(", ")) + "; got '" + key + "'."));
        return channels.setSpeakerStrategy(caller.channelId(), caller.guildId(), strategy).speakerStrategy();
    }

    /** Sets how readily the character with {@code slug} speaks up (0-100); only whoever may edit it. */
    public Personality setTalkativeness(Actor actor, String slug, int weight) {
        Personality p = personalities.editable(actor, slug == null ? "" : slug.strip());
        if (weight < 0 || weight > 100) {
            throw DomainException.invalid("talkativeness", "Talkativeness must be a whole number from 0 (never speaks"
                    + " up) to 100 (always speaks up); got " + weight + ".");
        }
        scene.setTalkativeness(p.id(), weight);
        return p;
    }

    /** A character's talkativeness, for whoever may see it. */
    public int talkativeness(Actor actor, String slug) {
        Personality p = personalities.visible(actor, slug == null ? "" : slug.strip());
        return scene.talkativeness(List.of(p.id())).get(p.id());
    }

    /** Changes the given limits of every scene (the others keep their values); only the bot owner. */
    public SceneLimits setLimits(Actor actor, Optional<Integer> maxCharacters, Optional<Integer> maxReplies) {
        return setLimits(actor, maxCharacters, maxReplies, Optional.empty());
    }

    /**
     * Changes the given limits of every scene, the loop guard {@code chain} (0-{@value SceneLimits#MAX_CHAIN}
     * character turns in a row) among them; the others keep their values. Only the bot owner.
     */
    public SceneLimits setLimits(Actor actor, Optional<Integer> maxCharacters, Optional<Integer> maxReplies,
                                 Optional<Integer> chain) {
        if (actor == null || !actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may change the limits of scenes.");
        }
        SceneLimits now = scene.limits();
        int n = maxCharacters.orElse(now.maxCharacters());
        int k = maxReplies.orElse(now.maxReplies());
        check("max-characters", n, 1, 25);
        check("replies", k, 1, 25);
        int m = chain.orElse(now.maxChain());
        check("chain", m, 0, SceneLimits.MAX_CHAIN);
        return scene.setLimits(new SceneLimits(n, k, m), actor.userId());
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw DomainException.invalid(field, field + " must be a whole number from " + min + " to " + max
                    + "; got " + value + ".");
        }
    }
}
