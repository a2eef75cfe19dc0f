package io.tzurot.discord.bot;

import io.tzurot.core.limits.RateLimiting;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.core.user.User;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.Callers;
import io.tzurot.discord.trigger.BotTexts;
import io.tzurot.discord.trigger.DenylistGate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * The caller of an interaction: the stored user, whether they hold Manage Messages in the channel, and whether
 * they own the server. Denials are the message denylist's: bot-wide, server, channel and thread-parent
 * entries silence every interaction; the bot owner is never silenced.
 */
final class InteractionCallers implements Callers {

    private final DenylistGate denylist;
    private final GetOrCreateUser users;
    private final Optional<RateLimiting> limits;

    InteractionCallers(DenylistGate denylist, GetOrCreateUser users, Optional<RateLimiting> limits) {
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.users = Objects.requireNonNull(users, "users");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Every refused command is answered (privately): an unanswered interaction shows as failed, which reads as a
     * fault rather than a limit. A key store outage lets the command through.
     */
    @Override
    public Optional<String> refusal(Interaction interaction) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        try {
            return limits.get().take(RateLimiting.Kind.COMMAND, interaction.getUser().getId())
                    instanceof RateLimiting.Decision.Limited limited
                    ? Optional.of(BotTexts.commandsRateLimited(limited.retryAfter())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean denied(Interaction interaction) {
        String userId = interaction.getUser().getId();
        String guildId = interaction.getGuild() == null ? null : interaction.getGuild().getId();
        List<DenylistEntry> entries = denylist.entriesFor(userId, guildId);
        String channelId = interaction.getChannelId();
        return denylist.silences(entries, userId, guildId, channelId, parentOf(interaction).orElse(null));
    }

    @Override
    public Caller resolve(Interaction interaction) {
        Member member = interaction.getMember();
        String shown = member != null ? member.getEffectiveName() : interaction.getUser().getEffectiveName();
        User user = users.execute(new DiscordUserProfile(interaction.getUser().getId(), interaction.getUser().getName(),
                shown, null, false)).orElseThrow(() -> new IllegalStateException("bots cannot use commands"));
        boolean manageMessages = member != null && interaction.getChannel() instanceof GuildChannel channel
                && member.hasPermission(channel, Permission.MESSAGE_MANAGE);
        return new Caller(user, interaction.getUser().getId(), shown,
                Optional.ofNullable(interaction.getGuild()).map(g -> g.getId()),
                Objects.requireNonNullElse(interaction.getChannelId(), ""), parentOf(interaction), manageMessages,
                member != null && member.isOwner());
    }

    private static Optional<String> parentOf(Interaction interaction) {
        return interaction.getChannel() instanceof ThreadChannel thread
                ? Optional.of(thread.getParentChannel().getId()) : Optional.empty();
    }
}
