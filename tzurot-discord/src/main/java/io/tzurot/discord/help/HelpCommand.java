package io.tzurot.discord.help;

import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.SlashCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /help [command]}, written from the registered definitions, so it can only describe commands that
 * exist: without an argument every command by category with its subcommands; with one, that command's
 * subcommands and their descriptions.
 */
public final class HelpCommand implements SlashCommand {

    /** How to talk to characters without any command. */
    public static final String HOW_TO_CHAT = """
            • Mention a character: `@character_name hello`
            • Reply to any of a character's messages to continue with it
            • `/chat character:<slug> message:<text>` sends one message to a character
            • A server's moderators can make a character answer every message in a channel with `/channel activate`""";

    private final Supplier<List<SlashCommand>> registered;
    private final List<String> messageCommands;

    /**
     * @param registered every registered slash command, this one included (read when help is asked for)
     * @param messageCommands the registered message context-menu commands, by name
     */
    public HelpCommand(Supplier<List<SlashCommand>> registered, List<String> messageCommands) {
        this.registered = Objects.requireNonNull(registered, "registered");
        this.messageCommands = List.copyOf(messageCommands);
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String category() {
        return "❓ Help";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("help", "List the bot's commands, or explain one of them")
                .addOption(OptionType.STRING, "command", "A command to explain, e.g. channel", false, true);
    }

    @Override
    public void run(CommandCall call) {
        String wanted = call.option("command").map(c -> c.replaceFirst("^/", "").toLowerCase(Locale.ROOT)).orElse("");
        if (wanted.isEmpty()) {
            call.answer(new MessageEditBuilder().setEmbeds(overview()).build());
            return;
        }
        SlashCommandData command = registered.get().stream().map(SlashCommand::definition)
                .filter(d -> d.getName().equals(wanted)).findFirst()
                .orElseThrow(() -> new CommandFailure("❌ There is no `/" + wanted + "` command. Run `/help` to see"
                        + " them all."));
        call.answer(new MessageEditBuilder().setEmbeds(detail(command)).build());
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        String typed = call.typed().toLowerCase(Locale.ROOT);
        return registered.get().stream().map(SlashCommand::name).filter(n -> n.contains(typed))
                .map(n -> new Command.Choice("/" + n, n)).toList();
    }

    private net.dv8tion.jda.api.entities.MessageEmbed overview() {
        Map<String, StringBuilder> byCategory = new LinkedHashMap<>();
        for (SlashCommand command : registered.get()) {
            SlashCommandData d = command.definition();
            int subs = d.getSubcommands().size() + d.getSubcommandGroups().stream()
                    .mapToInt(g -> g.getSubcommands().size()).sum();
            byCategory.computeIfAbsent(command.category(), c -> new StringBuilder()).append("`/").append(d.getName())
                    .append("` — ").append(d.getDescription())
                    .append(subs > 0 ? " (" + subs + (subs == 1 ? " subcommand)" : " subcommands)") : "").append('\n');
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle("Commands").setColor(0x5865F2)
                .setDescription("Run `/help command:<name>` for a command's subcommands.");
        byCategory.forEach((category, lines) -> embed.addField(category, lines.toString().strip(), false));
        if (!messageCommands.isEmpty()) {
            embed.addField("🖱️ On a message (Apps menu)", messageCommands.stream().map(n -> "**" + n + "**")
                    .collect(java.util.stream.Collectors.joining(" · ")), false);
        }
        embed.addField("💬 How to chat", HOW_TO_CHAT, false);
        return embed.build();
    }

    private static net.dv8tion.jda.api.entities.MessageEmbed detail(SlashCommandData d) {
        StringBuilder text = new StringBuilder(d.getDescription()).append("\n\n");
        for (SubcommandData sub : d.getSubcommands()) {
            line(text, d.getName() + " " + sub.getName(), sub);
        }
        for (SubcommandGroupData group : d.getSubcommandGroups()) {
            for (SubcommandData sub : group.getSubcommands()) {
                line(text, d.getName() + " " + group.getName() + " " + sub.getName(), sub);
            }
        }
        if (d.getSubcommands().isEmpty() && d.getSubcommandGroups().isEmpty()) {
            text.append("`/").append(d.getName()).append(usage(d.getOptions())).append('`');
        }
        return new EmbedBuilder().setTitle("/" + d.getName()).setColor(0x5865F2).setDescription(text.toString().strip())
                .build();
    }

    private static void line(StringBuilder text, String path, SubcommandData sub) {
        text.append("`/").append(path).append(usage(sub.getOptions())).append("` — ").append(sub.getDescription())
                .append('\n');
    }

    /** {@code  character:<character> [query:<query>]}: required options plain, optional ones in brackets. */
    private static String usage(List<net.dv8tion.jda.api.interactions.commands.build.OptionData> options) {
        StringBuilder text = new StringBuilder();
        options.forEach(o -> text.append(' ').append(o.isRequired() ? "" : "[").append(o.getName()).append(":<")
                .append(o.getName()).append('>').append(o.isRequired() ? "" : "]"));
        return text.toString();
    }
}
