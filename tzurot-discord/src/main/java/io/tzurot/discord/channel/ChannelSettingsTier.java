package io.tzurot.discord.channel;

import io.tzurot.core.cascade.EditingChannelSettings;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.tiers.TierDashboard;
import java.util.Map;
import java.util.Objects;

/**
 * The channel tier for {@code /channel settings}: the channel the interaction happens in (a thread's parent),
 * with the rules of {@link EditingChannelSettings}. A dashboard only edits the channel it was opened in.
 */
final class ChannelSettingsTier implements TierDashboard.Tier {

    private final EditingChannelSettings editing;

    ChannelSettingsTier(EditingChannelSettings editing) {
        this.editing = Objects.requireNonNull(editing, "editing");
    }

    @Override
    public TierDashboard.View load(Caller caller, String id) {
        return view(editing.view(here(caller, id)));
    }

    @Override
    public TierDashboard.View edit(Caller caller, String id, Map<SettingKey, TierValue<?>> changes) {
        return view(editing.edit(here(caller, id), changes));
    }

    @Override
    public TierDashboard.View reset(Caller caller, String id) {
        return view(editing.clear(here(caller, id)));
    }

    @Override
    public boolean allows(SettingKey key) {
        return key.perChannel();
    }

    @Override
    public SettingSource source() {
        return SettingSource.CHANNEL;
    }

    @Override
    public String intro(TierDashboard.View view) {
        return "Every reply in <#" + view.id() + "> and its threads gets these unless the member set their own"
                + " (`/settings defaults edit`); memory settings stay personal.";
    }

    /** The caller's channel; a dashboard's id from elsewhere is refused (ids come from the bot's own components). */
    private static ChannelCaller here(Caller caller, String id) {
        ChannelCaller channel = ChannelCommand.channelCaller(caller);
        if (id != null && !id.isEmpty() && !id.equals(channel.channelId())) {
            throw new CommandFailure("❌ This dashboard belongs to another channel; run `/channel settings` there.");
        }
        return channel;
    }

    private static TierDashboard.View view(EditingChannelSettings.ChannelTier tier) {
        return new TierDashboard.View(tier.channelId(), "this channel", tier.overrides(), tier.effective());
    }
}
