package io.tzurot.discord.persona;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaInput;
import io.tzurot.core.personality.Personality;
import io.tzurot.discord.browse.BrowseSpec;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.dashboard.DashboardEngine;
import io.tzurot.discord.dashboard.DashboardSessions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /persona view | edit | create | browse | default | override set | override clear}: how the user presents
 * to characters. Personas are private to their user; the rules are the persona use cases'.
 */
public final class PersonaCommand implements SlashCommand {

    private final ManagementUseCases useCases;
    private final CharacterChoices characters;
    private final DashboardEngine<Persona> dashboard;
    private final BrowseView<Persona> browse;

    public PersonaCommand(ManagementUseCases useCases, CharacterChoices characters, DashboardSessions sessions) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.characters = Objects.requireNonNull(characters, "characters");
        this.browse = new BrowseView<>(new Personas());
        this.dashboard = new DashboardEngine<>(new PersonaDashboard(useCases), sessions, browse::back);
    }

    @Override
    public String name() {
        return "persona";
    }

    @Override
    public String category() {
        return "👤 Personas";
    }

    @Override
    public SlashCommandData definition() {
        OptionData persona = new OptionData(OptionType.STRING, "persona", "One of your personas", true, true);
        OptionData character = new OptionData(OptionType.STRING, "character", "The character (slug)", true, true);
        return Commands.slash("persona", "How you present yourself to characters").addSubcommands(
                new SubcommandData("view", "Show your default persona"),
                new SubcommandData("edit", "Edit a persona (your default when none is given)").addOptions(
                        new OptionData(OptionType.STRING, "persona", "One of your personas", false, true)),
                new SubcommandData("create", "Create a persona"),
                new SubcommandData("browse", "List your personas"),
                new SubcommandData("default", "Make a persona your default").addOptions(persona))
                .addSubcommandGroups(new SubcommandGroupData("override", "Use another persona with one character")
                        .addSubcommands(new SubcommandData("set", "Use a persona with one character")
                                        .addOptions(character, persona),
                                new SubcommandData("clear", "Use your default persona with that character again")
                                        .addOptions(character)));
    }

    @Override
    public Deferral deferral(String path) {
        return path.equals("persona create") ? Deferral.MODAL : Deferral.EPHEMERAL;
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        switch (call.path()) {
            case "persona view" -> call.answer(new MessageEditBuilder().setEmbeds(card(defaultPersona(caller))).build());
            case "persona edit" -> dashboard.open(call, call.option("persona").map(p -> find(caller, p))
                    .orElseGet(() -> defaultPersona(caller)));
            case "persona create" -> call.openModal(seedModal());
            case "persona browse" -> call.answer(browse.first(caller, "", ""));
            case "persona default" -> {
                Persona p = useCases.choosingPersona().makeDefault(caller.actor(),
                        find(caller, call.option("persona").orElse("")).id());
                call.answer("⭐ **" + p.name() + "** is now your default persona.");
            }
            case "persona override set" -> {
                Persona p = find(caller, call.option("persona").orElse(""));
                String slug = call.option("character").orElse("");
                useCases.choosingPersona().setOverride(caller.actor(), slug, p.id());
                Personality c = useCases.viewingPersonalities().visible(caller.actor(), slug);
                call.answer("✅ **" + c.shownName() + "** now knows you as **" + p.name() + "**.");
            }
            case "persona override clear" -> {
                Personality c = useCases.choosingPersona().clearOverride(caller.actor(),
                        call.option("character").orElse(""));
                call.answer("✅ **" + c.shownName() + "** knows you by your default persona again.");
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (call.focusedOption().equals("character")) {
            return characters.visible(call.caller(), call.typed());
        }
        String typed = call.typed().toLowerCase(Locale.ROOT);
        Optional<UUID> defaultId = useCases.viewingPersonas().defaultId(call.caller().actor());
        return useCases.viewingPersonas().list(call.caller().actor()).stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(typed)).limit(25)
                .map(p -> new Command.Choice((defaultId.map(p.id()::equals).orElse(false) ? "⭐ " : "") + p.name(),
                        p.id().toString())).toList();
    }

    @Override
    public void component(ComponentCall call) {
        if (call.part(1).equals("seed")) {
            Persona created = useCases.editingPersonas().create(call.caller().actor(), new PersonaInput(
                    call.field("name"), call.field("content"), call.field("description"), call.field("preferredName"),
                    call.field("pronouns"), false));
            dashboard.openAsReply(call, created, "✅ Created the persona **" + created.name() + "**.");
        } else if (browse.handles(call)) {
            browse.handle(call, (c, id, back) -> dashboard.openFromBrowse(c, find(c.caller(), id), back));
        } else if (dashboard.handles(call)) {
            dashboard.handle(call);
        } else {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    /** A persona id (from autocomplete) or, typed by hand, the name of one of the caller's personas. */
    private Persona find(Caller caller, String idOrName) {
        Optional<UUID> id = parse(idOrName);
        if (id.isPresent()) {
            return useCases.viewingPersonas().owned(caller.actor(), id.get());
        }
        return useCases.viewingPersonas().list(caller.actor()).stream()
                .filter(p -> p.name().equalsIgnoreCase(idOrName.strip())).findFirst()
                .orElseThrow(() -> DomainException.notFound("Your persona '" + idOrName + "'"));
    }

    private Persona defaultPersona(Caller caller) {
        UUID id = useCases.viewingPersonas().defaultId(caller.actor()).orElseThrow(() -> new CommandFailure(
                "👤 You have no persona yet. Create one with `/persona create`."));
        return useCases.viewingPersonas().owned(caller.actor(), id);
    }

    static UUID uuid(String id) {
        return parse(id).orElseThrow(() -> DomainException.notFound("Persona '" + id + "'"));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static net.dv8tion.jda.api.entities.MessageEmbed card(Persona p) {
        EmbedBuilder embed = new EmbedBuilder().setTitle("👤 " + p.name()).setColor(0x5865F2)
                .setDescription(p.content().length() <= 1000 ? p.content() : p.content().substring(0, 999) + "…");
        Optional.ofNullable(p.preferredName()).ifPresent(v -> embed.addField("Preferred name", v, true));
        Optional.ofNullable(p.pronouns()).ifPresent(v -> embed.addField("Pronouns", v, true));
        embed.addField("Memories shared across characters", p.shareLtmAcrossPersonalities() ? "yes" : "no", true);
        return embed.setFooter("Your default persona · /persona edit to change it").build();
    }

    private static Modal seedModal() {
        return Modal.create("persona::seed", "New persona").addComponents(
                Label.of("Name", TextInput.create("name", TextInputStyle.SHORT).setRequired(true).setMaxLength(255)
                        .build()),
                Label.of("About you (what characters are told)", TextInput.create("content",
                        TextInputStyle.PARAGRAPH).setRequired(true).setMaxLength(4000).build()),
                Label.of("Preferred name", TextInput.create("preferredName", TextInputStyle.SHORT).setRequired(false)
                        .setMaxLength(255).build()),
                Label.of("Pronouns", TextInput.create("pronouns", TextInputStyle.SHORT).setRequired(false)
                        .setMaxLength(100).build()),
                Label.of("Description (a short label)", TextInput.create("description", TextInputStyle.SHORT)
                        .setRequired(false).setMaxLength(500).build()))
                .build();
    }

    /** The caller's personas, default first. */
    private final class Personas implements BrowseSpec<Persona> {

        @Override
        public String prefix() {
            return "persona";
        }

        @Override
        public String title() {
            return "👤 Your personas";
        }

        @Override
        public List<String> filters() {
            return List.of("all");
        }

        @Override
        public List<Persona> items(Caller caller, String filter, String query) {
            Optional<UUID> defaultId = useCases.viewingPersonas().defaultId(caller.actor());
            return useCases.viewingPersonas().list(caller.actor()).stream()
                    .filter(p -> BrowseView.matches(query, p.name(), p.preferredName()))
                    .sorted(java.util.Comparator.comparing((Persona p) -> !defaultId.map(p.id()::equals).orElse(false)))
                    .toList();
        }

        @Override
        public String line(Persona p) {
            return "**" + p.name() + "**" + Optional.ofNullable(p.preferredName()).map(n -> " (" + n + ")").orElse("");
        }

        @Override
        public String label(Persona p) {
            return p.name();
        }

        @Override
        public String value(Persona p) {
            return p.id().toString();
        }

        @Override
        public String emptyText(String filter, String query) {
            return "You have no personas yet: create one with `/persona create`.";
        }
    }
}
