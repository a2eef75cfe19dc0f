package io.tzurot.discord.memory;

import io.tzurot.discord.command.CommandCall;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/** A subcommand group of {@code /memory} that lives in its own feature (e.g. {@code /memory facts}). */
public interface MemorySubcommandGroup {

    /** The group's definition, e.g. {@code facts} with its subcommands. */
    SubcommandGroupData definition();

    /** Runs {@code /memory <group> <sub>}; {@code call.path()} is the full path. */
    void run(CommandCall call);
}
