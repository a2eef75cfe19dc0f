package io.tzurot.discord.deny;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.moderation.DenialCaller;
import io.tzurot.core.moderation.DenialDuration;
import io.tzurot.core.moderation.DenialTarget;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DiscordPlaces;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.SlashCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /deny add target:<user, guild or channel> mode:<block|mute> [duration:<1h|1d|7d|30d|permanent>] | remove
 * target | browse [type] | view target}. A target is a mention or an id; a bare id is a server or a channel when
 * this shard knows it as one, else a user. Who may deny what is {@link ManagingDenials}'s rule: the bot owner
 * anywhere, server managers (Manage Messages or the server's owner) for their server's users and channels.
 */
public final class DenyCommand implements SlashCommand {

    /** Lists longer than this are cut (Discord's 2000-character message). */
    static final int LISTED = 15;

    private final ManagingDenials denials;

    public DenyCommand(ManagingDenials denials) {
        this.denials = Objects.requireNonNull(denials, "denials");
    }

    @Override
    public String name() {
        return "deny";
    }

    @Override
    public String category() {
        return "🛡️ Moderation";
    }

    @Override
    public SlashCommandData definition() {
        OptionData target = new OptionData(OptionType.STRING, "target",
                "A user, server or channel: its id or mention", true);
        OptionData mode = new OptionData(OptionType.STRING, "mode", "block: ignored and unseen; mute: not answered,"
                + " still seen", true).addChoice("block", "block").addChoice("mute", "mute");
        OptionData duration = new OptionData(OptionType.STRING, "duration", "How long (default permanent)", false);
        Arrays.stream(DenialDuration.values()).forEach(d -> duration.addChoice(d.code(), d.code()));
        OptionData type = new OptionData(OptionType.STRING, "type", "Only denials of this kind", false)
                .addChoice("user", "user").addChoice("guild", "guild").addChoice("channel", "channel");
        return Commands.slash("deny", "Keep a user, server or channel from the characters").addSubcommands(
                new SubcommandData("add", "Deny a user, server or channel (block or mute)")
                        .addOptions(target, mode, duration),
                new SubcommandData("remove", "Lift the denials of a user, server or channel").addOptions(target),
                new SubcommandData("browse", "The active denials you manage").addOptions(type),
                new SubcommandData("view", "The active denials of one user, server or channel").addOptions(target));
    }

    @Override
    public void run(CommandCall call) {
        DenialCaller caller = denialCaller(call.caller());
        switch (call.path()) {
            case "deny add" -> {
                DenylistEntry added = denials.add(caller, target(call), call.option("mode").orElse(""),
                        call.option("duration").orElse(null), null);
                call.answer("✅ " + (added.mode() == DenylistMode.BLOCK ? "Blocked " : "Muted ")
                        + DenialTexts.target(added) + " " + DenialTexts.where(added) + ", " + DenialTexts.until(added)
                        + "." + (added.mode() == DenylistMode.MUTE
                        ? " Characters will not answer, but still see what is said." : ""));
            }
            case "deny remove" -> {
                List<DenylistEntry> lifted = denials.remove(caller, target(call));
                call.answer("✅ Lifted " + lifted.size() + " denial" + (lifted.size() == 1 ? "" : "s") + " of "
                        + DenialTexts.target(lifted.get(0)) + ".");
            }
            case "deny browse" -> {
                List<DenylistEntry> all = denials.browse(caller, call.option("type")
                        .map(t -> DenialTarget.type(t, "type")));
                call.answer(all.isEmpty() ? "🛡️ No active denials that you manage."
                        : DenialTexts.list("🛡️ Active denials (" + all.size() + ")", all, LISTED));
            }
            case "deny view" -> {
                DenialTarget target = target(call);
                List<DenylistEntry> found = denials.view(caller, target);
                call.answer(found.isEmpty() ? "🛡️ No active denial of " + DenialTexts.target(target)
                        + " that you manage." : DenialTexts.list("🛡️ Denials of " + DenialTexts.target(target), found,
                        LISTED));
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    private static DenialCaller denialCaller(Caller caller) {
        return new DenialCaller(caller.actor(), caller.guildId(), caller.manageMessages() || caller.guildOwner());
    }

    private static DenialTarget target(CommandCall call) {
        String text = call.option("target").orElseThrow(() -> DomainException.invalid("target",
                "Name a user, server or channel: its id or mention."));
        return DenialTarget.parse(text, places(call.event().getJDA()));
    }

    /** What this shard knows: its servers, and the channels of those servers. */
    static DiscordPlaces places(JDA jda) {
        return new DiscordPlaces() {
            @Override
            public boolean isGuild(String id) {
                return jda.getGuildById(id) != null;
            }

            @Override
            public Optional<String> guildOfChannel(String id) {
                GuildChannel channel = jda.getGuildChannelById(id);
                return Optional.ofNullable(channel).map(c -> c.getGuild().getId());
            }
        };
    }
}
