package io.tzurot.discord.command;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One top-level slash command with its subcommands. The router defers it as {@link #deferral} says, then calls
 * {@link #run}; components and modals whose custom id starts with one of {@link #prefixes()} come to
 * {@link #component}. Rules live in core use cases: a command only translates, and a refusal is thrown as
 * core's {@code DomainException} (or {@link CommandFailure}) for the router to show.
 */
public interface SlashCommand {

    /** The top-level name, e.g. {@code channel}. */
    String name();

    /** What {@code /help} shows for it, e.g. "🎭 Characters". */
    String category();

    /** The definition registered with Discord. */
    SlashCommandData definition();

    /** How {@code path} (the full name, e.g. {@code "character create"}) is acknowledged. */
    default Deferral deferral(String path) {
        return Deferral.EPHEMERAL;
    }

    void run(CommandCall call);

    /** At most 25 choices for the focused option. */
    default List<Command.Choice> autocomplete(AutocompleteCall call) {
        return List.of();
    }

    /** Custom-id prefixes (before the first {@code ::}) whose components and modals belong to this command. */
    default Set<String> prefixes() {
        return Set.of(name());
    }

    default void component(ComponentCall call) {
        throw new CommandFailure("Unknown interaction!");
    }
}
