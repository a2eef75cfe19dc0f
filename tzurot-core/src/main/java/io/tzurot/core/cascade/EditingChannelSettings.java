package io.tzurot.core.cascade;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.DiscordChannelId;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The channel tier of the settings cascade: how much history and how many images a reply in a Discord channel
 * reads, and whether replies there show the model footer (the settings {@link SettingKey#perChannel()} allows).
 * In Discord only a member with Manage Messages in the channel, the server's owner or the bot owner may see or
 * change it (the rule of channel activation; a thread's caller acts on its parent). Elsewhere (the web API),
 * where those facts are unknown, only the bot owner may.
 */
public final class EditingChannelSettings {

    /**
     * A channel's tier and what it resolves to for someone without settings of their own (with the activated
     * character's tier, if one is active).
     */
    public record ChannelTier(String channelId, ConfigOverrides overrides, ResolvedSettings effective) {
    }

    private final ChannelSettingsRepository channels;
    private final ResolveSettings resolve;

    public EditingChannelSettings(ChannelSettingsRepository channels, ResolveSettings resolve) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
    }

    /** Edit-streaming of the same channels (a setting of the channel row, not of the cascade). */
    public io.tzurot.core.channel.SwitchingEditStreaming streaming() {
        return new io.tzurot.core.channel.SwitchingEditStreaming(channels);
    }

    /** The caller's channel's tier. */
    public ChannelTier view(ChannelCaller caller) {
        requireManager(caller);
        return tier(caller.channelId());
    }

    /**
     * Applies changes typed per setting: a value or an explicit clear is stored, an inherit removes the setting
     * from the tier. Returns the tier afterwards.
     */
    public ChannelTier edit(ChannelCaller caller, Map<SettingKey, TierValue<?>> changes) {
        requireManager(caller);
        ConfigOverrides tier = channels.configOverrides(caller.channelId());
        for (Map.Entry<SettingKey, TierValue<?>> change : changes.entrySet()) {
            tier = tier.with(requirePerChannel(change.getKey()), change.getValue());
        }
        return store(caller.channelId(), caller.guildId(), tier, caller.actor());
    }

    /** Clears the caller's channel's tier (its activation stays). */
    public ChannelTier clear(ChannelCaller caller) {
        requireManager(caller);
        return store(caller.channelId(), caller.guildId(), ConfigOverrides.EMPTY, caller.actor());
    }

    /** Any channel's tier, for the bot owner outside Discord. */
    public ChannelTier operatorView(Actor actor, String channelId) {
        requireOperator(actor);
        return tier(DiscordChannelId.checked(channelId));
    }

    /** Merges a patch (absent keys stay, explicit nulls clear) into any channel's tier, for the bot owner. */
    public ChannelTier operatorPatch(Actor actor, String channelId, ConfigOverrides patch) {
        requireOperator(actor);
        String channel = DiscordChannelId.checked(channelId);
        patch.values().keySet().forEach(EditingChannelSettings::requirePerChannel);
        return store(channel, null, channels.configOverrides(channel).merge(patch), actor);
    }

    /** Clears any channel's tier, for the bot owner. */
    public ChannelTier operatorClear(Actor actor, String channelId) {
        requireOperator(actor);
        return store(DiscordChannelId.checked(channelId), null, ConfigOverrides.EMPTY, actor);
    }

    private ChannelTier store(String channelId, String guildId, ConfigOverrides tier, Actor actor) {
        if (tier.isEmpty() && channels.find(channelId).isEmpty()) {
            return tier(channelId); // nothing to clear: no row is made for an empty tier
        }
        channels.setConfigOverrides(channelId, guildId, tier, actor.userId());
        return tier(channelId);
    }

    private ChannelTier tier(String channelId) {
        // a scene's first character stands for it in the effective values shown
        UUID active = channels.find(channelId).map(ChannelSettings::activated).filter(a -> !a.isEmpty())
                .map(a -> a.get(0)).orElse(null);
        return new ChannelTier(channelId, channels.configOverrides(channelId),
                resolve.resolve(null, active, channelId, null));
    }

    private static SettingKey requirePerChannel(SettingKey key) {
        if (!key.perChannel()) {
            throw DomainException.invalid(key.jsonName(), "'" + key.jsonName() + "' is a personal setting and cannot be"
                    + " set for a channel; channel settings: " + String.join(", ", Arrays.stream(SettingKey.values())
                    .filter(SettingKey::perChannel).map(SettingKey::jsonName).toList()) + ".");
        }
        return key;
    }

    private static void requireManager(ChannelCaller caller) {
        if (!caller.mayManageChannel()) {
            throw DomainException.forbidden(caller.guildId() == null
                    ? "Channel settings exist only for server channels; in a direct message use your own settings."
                    : "Only members with the Manage Messages permission in this channel, the server owner or the bot"
                    + " owner may see or change this channel's settings.");
        }
    }

    private static void requireOperator(Actor actor) {
        if (!actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may change a channel's settings outside Discord.");
        }
    }
}
