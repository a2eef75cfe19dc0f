package io.tzurot.discord.memory;

import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.SlashCommand;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * Test-only {@code /memory} that carries the given groups; the product's {@code /memory} command (built on
 * another branch) registers {@link MemorySubcommandGroup}s the same way.
 */
final class TestMemoryCommand implements SlashCommand {

    private final List<MemorySubcommandGroup> groups;

    TestMemoryCommand(List<MemorySubcommandGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String category() {
        return "🧠 Memory";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("memory", "Your long-term memory with characters")
                .addSubcommandGroups(groups.stream().map(MemorySubcommandGroup::definition)
                        .toArray(SubcommandGroupData[]::new));
    }

    @Override
    public void run(CommandCall call) {
        String group = call.path().split(" ")[1];
        groups.stream().filter(g -> g.definition().getName().equals(group)).findFirst()
                .orElseThrow(() -> new CommandFailure("Unknown subcommand /" + call.path())).run(call);
    }
}
