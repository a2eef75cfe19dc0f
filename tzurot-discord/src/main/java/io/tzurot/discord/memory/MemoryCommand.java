package io.tzurot.discord.memory;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.memory.IncognitoDuration;
import io.tzurot.core.memory.IncognitoSession;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.MemoryWindow;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.SlashCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /memory stats | browse | search | delete | purge | focus enable|disable|status |
 * incognito enable|disable|status|forget} (spec discord.md §2.1): the caller's long-term memories with characters
 * they may see. Rules live in the core use cases the web calls too ({@link MemoryServices}); browsing, editing and
 * the confirmations are {@link MemoryBrowser}'s. Extra groups ({@link MemorySubcommandGroup}, e.g. {@code facts})
 * are added by their own features. Answers are private.
 */
public final class MemoryCommand implements SlashCommand {

    /** The character option's value meaning "every character" (incognito only). */
    static final String ALL = "all";

    private final ViewingPersonalities personalities;
    private final CharacterChoices choices;
    private final Optional<MemoryServices> services;
    private final Map<String, MemorySubcommandGroup> groups;

    public MemoryCommand(ViewingPersonalities personalities, CharacterChoices choices, Optional<MemoryServices> services,
                         List<MemorySubcommandGroup> groups) {
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.services = Objects.requireNonNull(services, "services");
        this.groups = groups.stream().collect(Collectors.toUnmodifiableMap(g -> g.definition().getName(),
                Function.identity()));
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
        OptionData character = new OptionData(OptionType.STRING, "character", "The character (slug)", true, true);
        OptionData anyCharacter = new OptionData(OptionType.STRING, "character", "The character (slug), or all", true,
                true);
        OptionData duration = new OptionData(OptionType.STRING, "duration", "How long memories are not saved", true);
        for (IncognitoDuration d : IncognitoDuration.values()) {
            duration.addChoice(d.code(), d.code());
        }
        List<SubcommandGroupData> allGroups = new ArrayList<>(List.of(
                new SubcommandGroupData("focus", "Focus mode: memories are not recalled (still saved)").addSubcommands(
                        new SubcommandData("enable", "Stop recalling memories with a character").addOptions(character),
                        new SubcommandData("disable", "Recall memories with a character again").addOptions(character),
                        new SubcommandData("status", "Whether focus mode is on with a character")
                                .addOptions(character)),
                new SubcommandGroupData("incognito", "Incognito: replies without saving memories").addSubcommands(
                        new SubcommandData("enable", "Stop saving memories for a while").addOptions(anyCharacter,
                                duration),
                        new SubcommandData("disable", "Save memories again").addOptions(anyCharacter),
                        new SubcommandData("status", "Your incognito sessions"),
                        new SubcommandData("forget", "Delete the memories saved in the last minutes").addOptions(
                                anyCharacter, windows("timeframe", "How far back", MemoryWindow.FORGET)))));
        groups.values().forEach(g -> allGroups.add(g.definition()));
        return Commands.slash("memory", "Your long-term memories with characters").addSubcommands(
                new SubcommandData("stats", "How many memories you have with a character").addOptions(character),
                new SubcommandData("browse", "Page through your memories, newest first").addOptions(
                        new OptionData(OptionType.STRING, "character", "Only with this character (slug)", false, true)),
                new SubcommandData("search", "Find memories by meaning").addOptions(
                        new OptionData(OptionType.STRING, "query", "What to look for", true).setMaxLength(
                                ManagingMemories.MAX_QUERY),
                        new OptionData(OptionType.STRING, "character", "Only with this character (slug)", false, true),
                        new OptionData(OptionType.INTEGER, "limit", "How many (1-10, default 5)", false)
                                .setRequiredRange(1, MemoryBrowser.SEARCH_MAX)),
                new SubcommandData("delete", "Delete your recent memories with a character").addOptions(character,
                        windows("timeframe", "Which memories: created within", MemoryWindow.DELETE)),
                new SubcommandData("purge", "Delete every memory with a character (locked ones stay)")
                        .addOptions(character)).addSubcommandGroups(allGroups);
    }

    private static OptionData windows(String name, String description, List<MemoryWindow> windows) {
        OptionData option = new OptionData(OptionType.STRING, name, description, true);
        windows.forEach(w -> option.addChoice(w.code(), w.code()));
        return option;
    }

    @Override
    public void run(CommandCall call) {
        String[] path = call.path().split(" ");
        if (path.length == 3 && groups.containsKey(path[1])) {
            groups.get(path[1]).run(call);
            return;
        }
        MemoryServices s = services();
        Caller caller = call.caller();
        MemoryBrowser browser = new MemoryBrowser(s.memories(), personalities);
        switch (call.path()) {
            case "memory stats" -> {
                Personality p = character(call);
                call.answer(MemoryTexts.stats(p, s.memories().stats(caller.actor(), p),
                        s.focus().enabled(caller.actor(), p, caller.channelId())));
            }
            case "memory browse" -> call.answer(browser.page(caller.actor(), optionalCharacter(call), 0));
            case "memory search" -> call.answer(browser.search(caller.actor(), optionalCharacter(call),
                    call.option("query").orElse(""), call.option("limit").map(MemoryCommand::limit)
                            .orElse(MemoryBrowser.SEARCH_DEFAULT)));
            case "memory delete" -> call.answer(browser.deletePreview(caller.actor(), character(call),
                    MemoryWindow.parse("timeframe", call.option("timeframe").orElse(""), MemoryWindow.DELETE)));
            case "memory purge" -> call.answer(browser.purgeWarning(character(call)));
            case "memory focus enable", "memory focus disable" -> {
                Personality p = character(call);
                boolean on = s.focus().set(caller.actor(), p, call.path().endsWith("enable"));
                call.answer(MemoryTexts.focus(p, on, true));
            }
            case "memory focus status" -> {
                Personality p = character(call);
                call.answer(MemoryTexts.focus(p, s.focus().enabled(caller.actor(), p, caller.channelId()), false));
            }
            case "memory incognito enable" -> {
                Optional<Personality> p = characterOrAll(call);
                IncognitoSession session = s.incognito().enable(caller.actor(), p,
                        call.option("duration").orElse(""));
                call.answer(MemoryTexts.incognitoOn(p, session));
            }
            case "memory incognito disable" -> {
                Optional<Personality> p = characterOrAll(call);
                call.answer(MemoryTexts.incognitoOff(p, s.incognito().disable(caller.actor(), p)));
            }
            case "memory incognito status" -> call.answer(MemoryTexts.incognitoStatus(
                    s.incognito().status(caller.actor()), id -> personalities.list(caller.actor()).stream()
                            .filter(p -> p.id().equals(id)).findFirst().map(Personality::shownName)
                            .orElse("a character")));
            case "memory incognito forget" -> {
                Optional<Personality> p = characterOrAll(call);
                String timeframe = call.option("timeframe").orElse("");
                call.answer(MemoryTexts.forgot(p, timeframe, s.incognito().forget(caller.actor(), p, timeframe)));
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public void component(ComponentCall call) {
        new MemoryBrowser(services().memories(), personalities).component(call);
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (!call.focusedOption().equals("character")) {
            return List.of();
        }
        List<Command.Choice> visible = choices.visible(call.caller(), call.typed());
        if (!call.path().startsWith("memory incognito") || !ALL.startsWith(call.typed().strip().toLowerCase(Locale.ROOT))) {
            return visible;
        }
        List<Command.Choice> withAll = new ArrayList<>();
        withAll.add(new Command.Choice("🌐 All characters", ALL));
        withAll.addAll(visible.subList(0, Math.min(visible.size(), 24)));
        return withAll;
    }

    private Personality character(CommandCall call) {
        String slug = call.option("character").orElseThrow(() -> DomainException.invalid("character",
                "Name the character (its slug)."));
        return personalities.visible(call.caller().actor(), slug);
    }

    private Optional<Personality> optionalCharacter(CommandCall call) {
        return call.option("character").filter(s -> !s.isBlank())
                .map(slug -> personalities.visible(call.caller().actor(), slug));
    }

    private Optional<Personality> characterOrAll(CommandCall call) {
        String value = call.option("character").orElse("").strip();
        return value.equalsIgnoreCase(ALL) ? Optional.empty() : Optional.of(character(call));
    }

    private static int limit(String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= MemoryBrowser.SEARCH_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DomainException.invalid("limit", "'limit' must be a whole number from 1 to " + MemoryBrowser.SEARCH_MAX
                + ".");
    }

    private MemoryServices services() {
        return services.orElseThrow(() -> new CommandFailure("❌ Memory commands are not available on this bot."));
    }
}
