package io.tzurot.discord.character;

import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.cascade.EditingSettings.CharacterTier;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.tiers.TierDashboard;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /character settings}: the character's own tier of the settings cascade (what everyone talking to it gets
 * unless they set their own), for its owner and the bot owner; {@link EditingSettings} refuses everyone else.
 */
final class CharacterSettingsTier implements TierDashboard.Tier {

    /** The custom-id prefix, also the session's entity type. */
    static final String PREFIX = "character-settings";

    private final EditingSettings settings;

    CharacterSettingsTier(EditingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public TierDashboard.View load(Caller caller, String slug) {
        return view(settings.characterTier(caller.actor(), slug));
    }

    @Override
    public TierDashboard.View edit(Caller caller, String slug, Map<SettingKey, TierValue<?>> changes) {
        return view(settings.setCharacterTier(caller.actor(), slug, changes));
    }

    @Override
    public TierDashboard.View reset(Caller caller, String slug) {
        Map<SettingKey, TierValue<?>> all = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            all.put(key, TierValue.inherit());
        }
        return view(settings.setCharacterTier(caller.actor(), slug, all));
    }

    @Override
    public boolean allows(SettingKey key) {
        return true;
    }

    @Override
    public SettingSource source() {
        return SettingSource.PERSONALITY;
    }

    @Override
    public String intro(TierDashboard.View view) {
        return "Everyone talking to **" + view.name() + "** gets these unless they set their own.";
    }

    private static TierDashboard.View view(CharacterTier tier) {
        return new TierDashboard.View(tier.personality().slug(), tier.personality().shownName(), tier.tier(),
                tier.effective());
    }
}
