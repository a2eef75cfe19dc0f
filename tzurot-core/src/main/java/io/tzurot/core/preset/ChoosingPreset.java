package io.tzurot.core.preset;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;
import java.util.UUID;

/**
 * Which preset is used: the caller's default, the caller's choice per personality, a personality's own
 * default (those who may edit it) and the system and free defaults (bot owner only). Only presets the
 * caller may see can be chosen.
 */
public final class ChoosingPreset {

    private final PresetRepository presets;
    private final ViewingPresets viewing;
    private final ViewingPersonalities personalities;
    private final PersonalityRepository personalityRepository;
    private final UserRepository users;
    private final UserPersonalityConfigRepository userPersonality;

    public ChoosingPreset(PresetRepository presets, ViewingPresets viewing, PersonalityRepository personalities,
                          UserRepository users, UserPersonalityConfigRepository userPersonality) {
        this.presets = Objects.requireNonNull(presets, "presets");
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.personalityRepository = Objects.requireNonNull(personalities, "personalities");
        this.personalities = new ViewingPersonalities(personalities);
        this.users = Objects.requireNonNull(users, "users");
        this.userPersonality = Objects.requireNonNull(userPersonality, "userPersonality");
    }

    /** Makes a visible preset the caller's default: one of their own or a global one. */
    public Preset makeDefault(Actor actor, UUID presetId) {
        Preset p = usable(actor, presetId, "id");
        users.setDefaultPreset(actor.userId(), p.id());
        return p;
    }

    /**
     * A preset the caller may use for themselves: global or their own. The bot owner sees every preset, but another
     * user's private one is not his to use (storage would refuse it): invalid, naming the field.
     */
    private Preset usable(Actor actor, UUID presetId, String field) {
        Preset p = viewing.visible(actor, presetId);
        if (!p.selectableBy(actor.userId())) {
            throw DomainException.invalid(field, "Preset " + p.id() + " is another user's private preset; choose one of"
                    + " your own or a global one.");
        }
        return p;
    }

    /** Stops using this preset as the caller's default; not found when it is not their default. */
    public Preset clearDefault(Actor actor, UUID presetId) {
        Preset p = viewing.visible(actor, presetId);
        if (!viewing.myDefault(actor).map(p.id()::equals).orElse(false)) {
            throw DomainException.notFound("Your default preset " + p.id());
        }
        users.setDefaultPreset(actor.userId(), null);
        return p;
    }

    /** Clears the caller's default preset, whichever it is (the system default applies again). */
    public void clearDefault(Actor actor) {
        users.setDefaultPreset(actor.userId(), null);
    }

    /** Uses a visible preset with a personality the caller may see. */
    public ViewingPresets.Override setOverride(Actor actor, String personalitySlug, UUID presetId) {
        Personality personality = personalities.visible(actor, personalitySlug);
        Preset preset = usable(actor, presetId, "presetId");
        userPersonality.setPresetOverride(actor.userId(), personality.id(), preset.id());
        return new ViewingPresets.Override(personality.id(), personality.slug(), preset.id());
    }

    /** Stops overriding the preset of that personality (other per-personality choices stay). */
    public Personality clearOverride(Actor actor, String personalitySlug) {
        Personality personality = personalities.visible(actor, personalitySlug);
        userPersonality.setPresetOverride(actor.userId(), personality.id(), null);
        return personality;
    }

    /** Sets (or with null removes) a personality's own default preset: those who may edit the personality. */
    public Personality setPersonalityDefault(Actor actor, String personalitySlug, UUID presetId) {
        Personality personality = personalities.editable(actor, personalitySlug);
        UUID id = presetId == null ? null : viewing.visible(actor, presetId).id();
        personalityRepository.setDefaultPreset(personality.id(), id);
        return personality;
    }

    /** Makes a global preset the system default (bot owner only). */
    public Preset setSystemDefault(Actor actor, UUID presetId) {
        Preset p = ownerChoosesGlobal(actor, presetId);
        presets.setSystemDefault(p.id());
        return p;
    }

    /** Makes a global {@code :free} preset the guest-mode default (bot owner only). */
    public Preset setFreeDefault(Actor actor, UUID presetId) {
        Preset p = ownerChoosesGlobal(actor, presetId);
        if (!p.model().endsWith(":free")) {
            throw DomainException.invalid("presetId", "The free default must use a free model (an id ending in"
                    + " ':free'); '" + p.name() + "' uses " + p.model() + ".");
        }
        presets.setFreeDefault(p.id());
        return p;
    }

    private Preset ownerChoosesGlobal(Actor actor, UUID presetId) {
        if (!actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may choose the global default presets.");
        }
        Preset p = viewing.visible(actor, presetId);
        if (!p.isGlobal()) {
            throw DomainException.invalid("presetId", "'" + p.name() + "' is private; only a global preset can be a"
                    + " global default.");
        }
        return p;
    }
}
