package io.tzurot.discord.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the commands with Discord: globally by default (once, from the shard that holds guild 0's slot), or
 * in one guild only when {@code DISCORD_COMMANDS_GUILD_ID} is set, which Discord applies at once (for fast
 * iteration). Nothing sets default member permissions: every command is visible everywhere, and rights are
 * checked when it runs (spec §2.0).
 */
public final class CommandRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistrar.class);

    private CommandRegistrar() {
    }

    /** Every definition: the slash commands, then the message context commands. */
    public static List<CommandData> definitions(CommandRouter router) {
        List<CommandData> all = new ArrayList<>();
        router.commands().forEach(c -> all.add(c.definition()));
        router.menuCommands().forEach(m -> all.add(Commands.message(m.name())));
        return all;
    }

    /**
     * Registers on the running shards and waits for Discord's answer.
     *
     * @throws IllegalStateException when the guild is set but none of this process's shards is in it
     */
    public static void register(List<JDA> shards, Optional<String> guildId, CommandRouter router) {
        List<CommandData> definitions = definitions(router);
        if (guildId.isPresent()) {
            Guild guild = shards.stream().map(j -> j.getGuildById(guildId.get())).filter(g -> g != null)
                    .findFirst().orElse(null);
            if (guild == null) {
                if (shards.stream().anyMatch(j -> j.getShardInfo().getShardId() == shardOf(guildId.get(), j))) {
                    throw new IllegalStateException("DISCORD_COMMANDS_GUILD_ID " + guildId.get()
                            + " names a server the bot is not in");
                }
                return; // another process's shard holds that guild and registers there
            }
            guild.updateCommands().addCommands(definitions).complete();
            LOG.info("registered {} commands in guild {}", definitions.size(), guildId.get());
            return;
        }
        Optional<JDA> first = shards.stream().filter(j -> j.getShardInfo().getShardId() == 0).findFirst();
        if (first.isPresent()) {
            first.get().updateCommands().addCommands(definitions).complete();
            LOG.info("registered {} global commands", definitions.size());
        }
    }

    private static int shardOf(String guildId, JDA jda) {
        return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % jda.getShardInfo().getShardTotal());
    }
}
