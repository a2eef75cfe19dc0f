package io.tzurot.discord.admin;

import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.tiers.TierDashboard;
import java.util.Map;
import java.util.Objects;

/** The admin (bot-wide) tier of the settings cascade for {@code /admin settings}; the bot owner only (core decides). */
final class AdminSettingsTier implements TierDashboard.Tier {

    /** The custom-id prefix, also the session's entity type. */
    static final String PREFIX = "admin-settings";
    private static final String ID = "global";

    private final EditingSettings settings;

    AdminSettingsTier(EditingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public TierDashboard.View load(Caller caller, String id) {
        return view(caller);
    }

    @Override
    public TierDashboard.View edit(Caller caller, String id, Map<SettingKey, TierValue<?>> changes) {
        settings.editAdminTier(caller.actor(), changes);
        return view(caller);
    }

    @Override
    public TierDashboard.View reset(Caller caller, String id) {
        settings.clearAdminTier(caller.actor());
        return view(caller);
    }

    @Override
    public boolean allows(SettingKey key) {
        return true;
    }

    @Override
    public SettingSource source() {
        return SettingSource.ADMIN;
    }

    @Override
    public String intro(TierDashboard.View view) {
        return "Every reply of every character gets these unless a character, channel or user sets their own.";
    }

    private TierDashboard.View view(Caller caller) {
        return new TierDashboard.View(ID, "bot-wide", settings.adminTier(caller.actor()).configDefaults(),
                settings.adminEffective(caller.actor()));
    }
}
