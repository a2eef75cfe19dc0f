package io.tzurot.discord.settings;

import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.tiers.TierDashboard;
import java.util.Map;
import java.util.Objects;

/** The caller's own default tier for {@code /settings defaults edit}: every setting, for every character. */
final class UserDefaultsTier implements TierDashboard.Tier {

    /** The id of one's own tier in custom ids (sessions are per user already). */
    static final String ID = "me";

    private final EditingSettings editing;
    private final ResolveSettings resolve;

    UserDefaultsTier(EditingSettings editing, ResolveSettings resolve) {
        this.editing = Objects.requireNonNull(editing, "editing");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
    }

    @Override
    public TierDashboard.View load(Caller caller, String id) {
        return view(caller, editing.userDefaults(caller.actor()));
    }

    @Override
    public TierDashboard.View edit(Caller caller, String id, Map<SettingKey, TierValue<?>> changes) {
        return view(caller, editing.editUserDefaults(caller.actor(), changes));
    }

    @Override
    public TierDashboard.View reset(Caller caller, String id) {
        editing.clearUserDefaults(caller.actor());
        return view(caller, ConfigOverrides.EMPTY);
    }

    @Override
    public boolean allows(SettingKey key) {
        return true;
    }

    @Override
    public SettingSource source() {
        return SettingSource.USER_DEFAULT;
    }

    @Override
    public String intro(TierDashboard.View view) {
        return "Your own defaults with every character in every channel: they beat a channel's and a character's"
                + " settings, and a setting you choose for one character still wins with it.";
    }

    private TierDashboard.View view(Caller caller, ConfigOverrides tier) {
        // what applies outside any channel and character: your tier over the admin defaults
        return new TierDashboard.View(ID, "your defaults", tier, resolve.resolve(caller.actor().userId(), null));
    }
}
