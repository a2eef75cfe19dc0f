package io.tzurot.discord.preset;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetFields;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.core.preset.ViewingPresets;
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
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
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
 * {@code /preset browse | create | edit | default set | default clear | override browse | override set |
 * override clear | global default | global free-default}: making and choosing model presets. Create opens a
 * modal (name, model) and then the preset's dashboard; edit opens the dashboard of a preset the caller may edit
 * (its creator or the bot owner); only the bot owner sees Make Global. {@code default set} with a {@code character}
 * sets that character's own default (its editors only); without, the caller's default. The rules are the preset
 * use cases'. Badges: 🌐 global, 🔒 yours, ⭐ your default, 🆓 free model.
 */
public final class PresetCommand implements SlashCommand {

    private final ManagementUseCases useCases;
    private final CharacterChoices characters;
    private final BrowseView<Preset> browse;
    private final DashboardEngine<Preset> dashboard;

    public PresetCommand(ManagementUseCases useCases, CharacterChoices characters, DashboardSessions sessions) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.characters = Objects.requireNonNull(characters, "characters");
        this.browse = new BrowseView<>(new Presets());
        this.dashboard = new DashboardEngine<>(new PresetDashboard(useCases), sessions, browse::back);
    }

    @Override
    public String name() {
        return "preset";
    }

    @Override
    public String category() {
        return "🎛️ Presets";
    }

    @Override
    public SlashCommandData definition() {
        OptionData preset = new OptionData(OptionType.STRING, "preset", "The preset", true, true);
        OptionData character = new OptionData(OptionType.STRING, "character", "The character (slug)", true, true);
        return Commands.slash("preset", "Choose the model presets your replies use").addSubcommands(
                new SubcommandData("browse", "Browse the presets you can use").addOptions(
                        new OptionData(OptionType.STRING, "query", "Only names or models containing this", false),
                        new OptionData(OptionType.STRING, "filter", "Which presets", false).addChoice("All", "all")
                                .addChoice("Global", "global").addChoice("Mine", "mine").addChoice("Free", "free")),
                new SubcommandData("create", "Create a preset (a name and a model; the rest on its dashboard)"),
                new SubcommandData("edit", "Edit one of your presets: model, sampling, context, reasoning")
                        .addOptions(new OptionData(OptionType.STRING, "preset", "One of your presets", true, true)))
                .addSubcommandGroups(
                        new SubcommandGroupData("default", "Your default preset, or a character's own").addSubcommands(
                                new SubcommandData("set", "Make a preset your default (or a character's)").addOptions(
                                        preset, new OptionData(OptionType.STRING, "character",
                                                "One of your characters: set its own default instead", false, true)),
                                new SubcommandData("clear", "Stop using your default preset")),
                        new SubcommandGroupData("override", "Use another preset with one character").addSubcommands(
                                new SubcommandData("browse", "List your per-character presets"),
                                new SubcommandData("set", "Use a preset with one character").addOptions(character,
                                        preset),
                                new SubcommandData("clear", "Stop overriding a character's preset")
                                        .addOptions(character)),
                        new SubcommandGroupData("global", "The system's default presets (bot owner)").addSubcommands(
                                new SubcommandData("default", "The default preset for everyone").addOptions(preset),
                                new SubcommandData("free-default", "The default preset in guest mode (a free model)")
                                        .addOptions(preset)));
    }

    @Override
    public Deferral deferral(String path) {
        return path.equals("preset create") ? Deferral.MODAL : Deferral.EPHEMERAL;
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        switch (call.path()) {
            case "preset create" -> call.openModal(Modal.create("preset::seed", "New preset").addComponents(
                    Label.of("Preset name", TextInput.create("name", TextInputStyle.SHORT).setRequired(true)
                            .setMaxLength(PresetFields.MAX_NAME).build()),
                    Label.of("Model ID", TextInput.create("model", TextInputStyle.SHORT).setRequired(true)
                            .setMaxLength(255).setPlaceholder("provider/model-name").build())).build());
            case "preset edit" -> dashboard.open(call, useCases.viewingPresets().editable(caller.actor(),
                    preset(caller, call.option("preset").orElse("")).id()));
            case "preset browse" -> call.answer(browse.first(caller, call.option("filter").orElse("all"),
                    call.option("query").orElse("")));
            case "preset default set" -> {
                Preset p = preset(caller, call.option("preset").orElse(""));
                Optional<String> character = call.option("character");
                if (character.isPresent()) {
                    Personality c = useCases.choosingPreset().setPersonalityDefault(caller.actor(), character.get(),
                            p.id());
                    call.answer("✅ **" + c.shownName() + "** now uses **" + p.name() + "** by default.");
                } else {
                    useCases.choosingPreset().makeDefault(caller.actor(), p.id());
                    call.answer("⭐ **" + p.name() + "** is now your default preset.");
                }
            }
            case "preset default clear" -> {
                UUID current = useCases.viewingPresets().myDefault(caller.actor()).orElseThrow(() ->
                        new CommandFailure("You have no default preset; the characters' and the system's apply."));
                Preset p = useCases.choosingPreset().clearDefault(caller.actor(), current);
                call.answer("✅ **" + p.name() + "** is no longer your default preset.");
            }
            case "preset override browse" -> {
                List<ViewingPresets.Override> overrides = useCases.viewingPresets().overrides(caller.actor());
                call.answer(overrides.isEmpty() ? "You use no per-character presets." : "Your per-character presets:\n"
                        + overrides.stream().map(o -> "• `" + o.personalitySlug() + "` → **"
                        + presetName(caller, o.presetId()) + "**").collect(Collectors.joining("\n")));
            }
            case "preset override set" -> {
                Preset p = preset(caller, call.option("preset").orElse(""));
                ViewingPresets.Override o = useCases.choosingPreset().setOverride(caller.actor(),
                        call.option("character").orElse(""), p.id());
                call.answer("✅ Your replies from `" + o.personalitySlug() + "` now use **" + p.name() + "**.");
            }
            case "preset override clear" -> {
                Personality c = useCases.choosingPreset().clearOverride(caller.actor(),
                        call.option("character").orElse(""));
                call.answer("✅ **" + c.shownName() + "** uses its usual preset with you again.");
            }
            case "preset global default" -> {
                Preset p = useCases.choosingPreset().setSystemDefault(caller.actor(),
                        preset(caller, call.option("preset").orElse("")).id());
                call.answer("🌐 **" + p.name() + "** is now the system's default preset.");
            }
            case "preset global free-default" -> {
                Preset p = useCases.choosingPreset().setFreeDefault(caller.actor(),
                        preset(caller, call.option("preset").orElse("")).id());
                call.answer("🆓 **" + p.name() + "** is now the guest-mode default preset.");
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (call.focusedOption().equals("character")) {
            return call.path().equals("preset default set") ? characters.editable(call.caller(), call.typed())
                    : characters.visible(call.caller(), call.typed());
        }
        String typed = call.typed().toLowerCase(Locale.ROOT);
        Optional<UUID> mine = useCases.viewingPresets().myDefault(call.caller().actor());
        return useCases.viewingPresets().list(call.caller().actor()).stream()
                .filter(p -> BrowseView.matches(typed, p.name(), p.model()))
                .filter(p -> !call.path().startsWith("preset global") || p.isGlobal())
                .filter(p -> !call.path().equals("preset edit") || useCases.viewingPresets().mayEdit(
                        call.caller().actor(), p))
                .limit(25).map(p -> new Command.Choice(truncate(label(p, mine) + " · " + p.model(), 100),
                        p.id().toString())).toList();
    }

    @Override
    public void component(ComponentCall call) {
        if (call.part(1).equals("seed") && call.isModal()) {
            Preset created = useCases.editingPresets().create(call.caller().actor(), PresetInput.blank()
                    .withName(call.field("name")).withModel(call.field("model")));
            dashboard.openAsReply(call, created, "✅ Created the preset **" + created.name() + "** (private). Tune"
                    + " its sections below, then choose it with `/preset default set`.");
        } else if (browse.handles(call)) {
            browse.handle(call, this::openFromBrowse);
        } else if (dashboard.handles(call)) {
            dashboard.handle(call);
        } else {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    /** Presets the caller may edit open on the dashboard; others show their card, with a way back to the list. */
    private void openFromBrowse(ComponentCall call, String id, String back) {
        Preset p = preset(call.caller(), id);
        if (useCases.viewingPresets().mayEdit(call.caller().actor(), p)) {
            dashboard.openFromBrowse(call, p, back);
        } else {
            call.update(new MessageEditBuilder().setContent("").setEmbeds(card(p)).setComponents(ActionRow.of(
                    Button.secondary("preset::browse::" + back, "◀️ Back to Browse"))).build());
        }
    }

    /** A preset id (from autocomplete) or, typed by hand, the exact name of a preset the caller may use. */
    private Preset preset(Caller caller, String idOrName) {
        try {
            return useCases.viewingPresets().visible(caller.actor(), UUID.fromString(idOrName.strip()));
        } catch (IllegalArgumentException e) {
            return useCases.viewingPresets().list(caller.actor()).stream()
                    .filter(p -> p.name().equalsIgnoreCase(idOrName.strip())).findFirst()
                    .orElseThrow(() -> DomainException.notFound("Preset '" + idOrName + "'"));
        }
    }

    private String presetName(Caller caller, UUID id) {
        try {
            return useCases.viewingPresets().visible(caller.actor(), id).name();
        } catch (DomainException e) {
            return "a preset you can no longer use";
        }
    }

    private static String label(Preset p, Optional<UUID> mine) {
        return (p.isGlobal() ? "🌐" : "🔒") + (mine.map(p.id()::equals).orElse(false) ? "⭐" : "")
                + (p.model().endsWith(":free") ? "🆓" : "") + " " + p.name();
    }

    private static MessageEmbed card(Preset p) {
        EmbedBuilder embed = new EmbedBuilder().setTitle("⚙️ Preset: " + p.name()).setColor(0x5865F2)
                .setDescription(p.description() == null ? "" : p.description())
                .addField("Model", p.model(), true).addField("Provider", p.provider(), true)
                .addField("Visibility", p.isGlobal() ? "🌐 global" : "🔒 yours", true)
                .addField("Context window", p.contextWindowTokens() + " tokens", true);
        return embed.build();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The presets the caller may use, with filters all, global, mine and free. */
    private final class Presets implements BrowseSpec<Preset> {

        @Override
        public String prefix() {
            return "preset";
        }

        @Override
        public String title() {
            return "🎛️ Presets";
        }

        @Override
        public List<String> filters() {
            return List.of("all", "global", "mine", "free");
        }

        @Override
        public List<Preset> items(Caller caller, String filter, String query) {
            return useCases.viewingPresets().list(caller.actor()).stream().filter(p -> switch (filter) {
                case "global" -> p.isGlobal();
                case "mine" -> caller.user().id().equals(p.ownerId());
                case "free" -> p.model().endsWith(":free");
                default -> true;
            }).filter(p -> BrowseView.matches(query, p.name(), p.model())).toList();
        }

        @Override
        public String line(Preset p) {
            return (p.isGlobal() ? "🌐" : "🔒") + " **" + p.name() + "** · `" + p.model() + "`";
        }

        @Override
        public String label(Preset p) {
            return (p.isGlobal() ? "🌐 " : "🔒 ") + p.name();
        }

        @Override
        public String value(Preset p) {
            return p.id().toString();
        }
    }
}
