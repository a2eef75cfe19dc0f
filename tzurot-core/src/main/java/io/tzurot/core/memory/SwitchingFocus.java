package io.tzurot.core.memory;

import io.tzurot.core.access.Actor;
import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import java.util.Objects;

/**
 * Focus mode: long-term memories are not recalled in the caller's replies from a character (they are still
 * stored). It is the {@code focusModeEnabled} setting of the caller's own tier for that character, written
 * through the settings rule every face uses; the status is what the cascade resolves.
 */
public final class SwitchingFocus {

    private final EditingSettings settings;
    private final ResolveSettings resolve;

    public SwitchingFocus(EditingSettings settings, ResolveSettings resolve) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
    }

    /** Turns focus mode on or off for the caller with a character they may see; returns the resolved state. */
    public boolean set(Actor actor, Personality personality, boolean enabled) {
        settings.patchPersonalityTier(actor, personality.slug(),
                ConfigOverrides.EMPTY.with(SettingKey.FOCUS_MODE_ENABLED, TierValue.of(enabled)));
        return enabled(actor, personality, null);
    }

    /** Whether focus mode is on for the caller with the character (in {@code channelId} when given, else anywhere). */
    public boolean enabled(Actor actor, Personality personality, String channelId) {
        return resolve.resolve(actor.userId(), personality.id(), channelId, null).focusModeEnabled();
    }
}
