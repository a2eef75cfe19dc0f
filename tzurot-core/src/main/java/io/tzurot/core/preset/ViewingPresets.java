package io.tzurot.core.preset;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which presets a caller may see and change: global ones and their own (the bot owner: all); others'
 * private presets look unknown. Their creator and the bot owner may change a preset.
 */
public final class ViewingPresets {

    /** The preset a user chose for one personality. */
    public record Override(UUID personalityId, String personalitySlug, UUID presetId) {
    }

    private final PresetRepository presets;
    private final UserRepository users;
    private final UserPersonalityConfigRepository userPersonality;
    private final PersonalityRepository personalities;

    public ViewingPresets(PresetRepository presets, UserRepository users, UserPersonalityConfigRepository userPersonality,
                          PersonalityRepository personalities) {
        this.presets = Objects.requireNonNull(presets, "presets");
        this.users = Objects.requireNonNull(users, "users");
        this.userPersonality = Objects.requireNonNull(userPersonality, "userPersonality");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
    }

    /** Global presets and the caller's own, globals first, then by name. */
    public List<Preset> list(Actor actor) {
        return presets.listSelectableBy(actor.userId());
    }

    /** A preset the caller may select, or not found. */
    public Preset visible(Actor actor, UUID id) {
        return presets.findById(id).filter(p -> actor.owner() || p.selectableBy(actor.userId()))
                .orElseThrow(() -> DomainException.notFound("Preset " + id));
    }

    /** A preset the caller may change: not found when invisible, forbidden when not theirs. */
    public Preset editable(Actor actor, UUID id) {
        Preset p = visible(actor, id);
        if (!mayEdit(actor, p)) {
            throw DomainException.forbidden("Only the preset's creator or the bot owner may change it.");
        }
        return p;
    }

    /** Whether the caller may change {@code p}. */
    public boolean mayEdit(Actor actor, Preset p) {
        return actor.mayManage(p.ownerId());
    }

    /** The caller's default preset's id. */
    public Optional<UUID> myDefault(Actor actor) {
        return users.findById(actor.userId()).flatMap(u -> u.defaultPreset());
    }

    /** The caller's per-personality preset choices. */
    public List<Override> overrides(Actor actor) {
        List<Override> out = new ArrayList<>();
        for (UserPersonalityConfig c : userPersonality.listByUser(actor.userId())) {
            c.presetOverride().ifPresent(presetId -> personalities.findById(c.personalityId())
                    .ifPresent(p -> out.add(new Override(p.id(), p.slug(), presetId))));
        }
        return out;
    }
}
