package io.tzurot.discord.channel;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.SpeakingCaller;
import io.tzurot.core.speaking.SpeakingMode;
import io.tzurot.core.speaking.SpeakingPolicy;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /channel speaking mode|list|add|remove} (where characters may speak in this server) and
 * {@code /channel ghost enable|disable|status} (this channel only listens). A thread counts as its parent channel.
 * Who may, and what is valid, is {@link ChoosingWhereCharactersSpeak}'s.
 */
final class SpeakingCommands {

    private final Optional<ChoosingWhereCharactersSpeak> places;

    SpeakingCommands(Optional<ChoosingWhereCharactersSpeak> places) {
        this.places = places;
    }

    static List<SubcommandGroupData> groups() {
        return List.of(new SubcommandGroupData("speaking", "Where characters may speak in this server").addSubcommands(
                        new SubcommandData("mode", "Characters speak in all channels, only listed ones, or all but listed")
                                .addOptions(new OptionData(OptionType.STRING, "mode", "all, allowlist or denylist", true)
                                        .addChoice("all channels", "all")
                                        .addChoice("only listed channels (allowlist)", "allowlist")
                                        .addChoice("all but listed channels (denylist)", "denylist")),
                        new SubcommandData("list", "This server's speaking mode, listed channels and ghost channels"),
                        new SubcommandData("add", "List a channel (default: this one)")
                                .addOption(OptionType.CHANNEL, "channel", "The channel to list", false),
                        new SubcommandData("remove", "Unlist a channel (default: this one)")
                                .addOption(OptionType.CHANNEL, "channel", "The channel to unlist", false)),
                new SubcommandGroupData("ghost", "Ghost mode: the bot records what is said here but never posts")
                        .addSubcommands(
                                new SubcommandData("enable", "Characters stop posting here; what is said to them is kept"),
                                new SubcommandData("disable", "Characters post here again"),
                                new SubcommandData("status", "Whether this channel is in ghost mode")));
    }

    /** True when {@code path} is one of these subcommands. */
    static boolean handles(String path) {
        return path.startsWith("channel speaking ") || path.startsWith("channel ghost ");
    }

    void run(CommandCall call) {
        ChoosingWhereCharactersSpeak use = places.orElseThrow(() -> new CommandFailure(
                "Choosing where characters speak is not available on this bot."));
        Caller caller = call.caller();
        SpeakingCaller who = new SpeakingCaller(caller.actor(), caller.guildId(),
                caller.manageMessages() || caller.guildOwner());
        String guild = caller.guildId().orElseThrow(() -> DomainException.forbidden(
                "Where characters speak is chosen per server: use this command in a server channel."));
        String here = caller.parentChannelId().orElse(caller.channelId());
        switch (call.path()) {
            case "channel speaking mode" -> {
                SpeakingPolicy policy = use.setMode(who, guild, call.option("mode").orElse(""));
                call.answer("✅ " + describe(policy) + warning(policy));
            }
            case "channel speaking list" -> {
                SpeakingPolicy policy = use.view(who, guild);
                List<String> ghosts = use.ghostChannels(who, guild);
                call.answer("📍 " + describe(policy) + "\nListed channels: " + channels(policy.sortedChannels())
                        + "\nGhost channels: " + channels(ghosts));
            }
            case "channel speaking add" -> {
                String channel = channel(call, here);
                ChoosingWhereCharactersSpeak.Change change = use.add(who, guild, channel);
                call.answer((change.changed() ? "✅ Listed <#" + channel + ">. "
                        : "📍 <#" + channel + "> was listed already. ") + describe(change.policy()));
            }
            case "channel speaking remove" -> {
                String channel = channel(call, here);
                SpeakingPolicy policy = use.remove(who, guild, channel);
                call.answer("✅ Unlisted <#" + channel + ">. " + describe(policy) + warning(policy));
            }
            case "channel ghost enable" -> call.answer(use.setGhost(who, guild, here, true)
                    ? "👻 Ghost mode is on in <#" + here + ">: characters will not post here, but what is said to them"
                    + " is kept in their history. `/channel ghost disable` turns it off."
                    : "📍 <#" + here + "> is already in ghost mode.");
            case "channel ghost disable" -> call.answer(use.setGhost(who, guild, here, false)
                    ? "✅ Ghost mode is off in <#" + here + ">: characters post here again (where this server lets them speak)."
                    : "📍 <#" + here + "> is not in ghost mode.");
            case "channel ghost status" -> call.answer(use.ghost(who, guild, here)
                    ? "👻 <#" + here + "> is in ghost mode: characters do not post here; what is said to them is kept."
                    : "📍 <#" + here + "> is not in ghost mode.");
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    private static String channel(CommandCall call, String here) {
        return call.option("channel").map(s -> s.replaceAll("^<#|>$", "")).orElse(here);
    }

    private static String describe(SpeakingPolicy policy) {
        return switch (policy.mode()) {
            case ALL -> "Characters speak in **all channels** of this server.";
            case ALLOWLIST -> "Characters speak **only in the listed channels** (" + policy.channels().size() + ").";
            case DENYLIST -> "Characters speak **in all but the listed channels** (" + policy.channels().size() + ").";
        };
    }

    private static String warning(SpeakingPolicy policy) {
        return policy.mode() == SpeakingMode.ALLOWLIST && policy.channels().isEmpty()
                ? "\n⚠️ No channel is listed, so characters speak nowhere in this server until you `/channel speaking add` one."
                : "";
    }

    private static String channels(List<String> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(id -> "<#" + id + ">").collect(Collectors.joining(", "));
    }
}
