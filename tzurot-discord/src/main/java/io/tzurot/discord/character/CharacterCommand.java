package io.tzurot.discord.character;

import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.chat.ChatCommand;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.dashboard.DashboardEngine;
import io.tzurot.discord.tiers.TierDashboard;
import io.tzurot.discord.dashboard.DashboardSessions;
import io.tzurot.discord.portability.CharacterFileCommands;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /character create | edit | view | avatar | settings | browse | chat}. Create opens a modal (name, slug,
 * info, traits) and then the dashboard; edit opens the dashboard for a character the caller may edit; view shows
 * the profile of one they may see; avatar stores an attached image as its avatar (its owner or the bot owner);
 * settings opens the character's own settings tier as a dashboard (the same); browse lists them (selecting one
 * opens its dashboard when editable, else its profile); chat is {@code /chat}. Characters start private.
 */
public final class CharacterCommand implements SlashCommand {

    /** The subcommands about a character the caller may edit (their autocomplete lists only those). */
    private static final Set<String> OWNED = Set.of("character edit", "character avatar", "character settings",
            "character export");

    private final ManagementUseCases useCases;
    private final CharacterChoices choices;
    private final ChatCommand chat;
    private final BrowseView<Personality> browse;
    private final DashboardEngine<Personality> dashboard;
    private final CharacterFileCommands files;
    private final CharacterSettingsTier settingsTier;
    private final DashboardEngine<TierDashboard.View> settings;
    private final CharacterAvatar avatar;

    public CharacterCommand(ManagementUseCases useCases, CharacterChoices choices, ChatCommand chat,
                            DashboardSessions sessions, CharacterFileCommands files) {
        this.files = Objects.requireNonNull(files, "files");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.browse = new BrowseView<>(new CharacterBrowse(useCases.viewingPersonalities()));
        this.dashboard = new DashboardEngine<>(new CharacterDashboard(useCases), sessions, browse::back);
        this.settingsTier = new CharacterSettingsTier(useCases.settings());
        this.settings = new DashboardEngine<>(new TierDashboard(CharacterSettingsTier.PREFIX, "/character settings",
                settingsTier), sessions, browse::back);
        this.avatar = new CharacterAvatar(useCases.uploadingAvatar());
    }

    @Override
    public String name() {
        return "character";
    }

    @Override
    public String category() {
        return "🎭 Characters";
    }

    @Override
    public SlashCommandData definition() {
        OptionData editable = new OptionData(OptionType.STRING, "character", "One of your characters (slug)", true, true);
        OptionData visible = new OptionData(OptionType.STRING, "character", "The character (slug)", true, true);
        OptionData owned = new OptionData(OptionType.STRING, "character", "One of your characters (slug)", true, true);
        return Commands.slash("character", "Create, edit, view, browse, import and export characters").addSubcommands(
                new SubcommandData("create", "Create a character (private until you make it public)"),
                new SubcommandData("edit", "Edit one of your characters").addOptions(editable),
                new SubcommandData("view", "View a character's profile").addOptions(visible),
                new SubcommandData("avatar", "Give one of your characters a new avatar").addOptions(owned,
                        new OptionData(OptionType.ATTACHMENT, "image", "PNG, JPEG, GIF or WebP, at most 8 MB", true)),
                new SubcommandData("settings", "One of your characters' own settings (history, memory, footer)")
                        .addOptions(owned),
                new SubcommandData("browse", "Browse the characters you can talk to").addOptions(
                        new OptionData(OptionType.STRING, "query", "Only names containing this", false),
                        new OptionData(OptionType.STRING, "filter", "Which characters", false)
                                .addChoice("All", "all").addChoice("Mine", "mine").addChoice("Public", "public")),
                new SubcommandData("chat", "Send one message to a character").addOptions(visible,
                        new OptionData(OptionType.STRING, "message", "What you say", true)
                                .setMaxLength(ChatCommand.MAX_MESSAGE)))
                .addSubcommands(CharacterFileCommands.definitions(editable));
    }

    @Override
    public Deferral deferral(String path) {
        return switch (path) {
            case "character create", "character import-shapes" -> Deferral.MODAL;
            case "character chat" -> Deferral.PUBLIC;
            default -> Deferral.EPHEMERAL;
        };
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        switch (call.path()) {
            case "character create" -> call.openModal(seedModal());
            case "character edit" -> dashboard.open(call, useCases.viewingPersonalities().editable(caller.actor(),
                    call.option("character").orElse("")));
            case "character view" -> call.answer(new MessageEditBuilder().setEmbeds(CharacterCard.of(
                    useCases.viewingPersonalities().visible(caller.actor(), call.option("character").orElse(""))))
                    .build());
            case "character avatar" -> call.answer(avatar.upload(caller, call.option("character").orElse(""),
                    call.attachment("image").orElseThrow(() -> new CommandFailure("❌ Attach an image to use."))));
            case "character settings" -> settings.open(call, settingsTier.load(caller,
                    call.option("character").orElse("")));
            case "character browse" -> call.answer(browse.first(caller, call.option("filter").orElse("all"),
                    call.option("query").orElse("")));
            case "character chat" -> chat.run(call);
            default -> {
                if (!CharacterFileCommands.PATHS.contains(call.path())) {
                    throw new CommandFailure("Unknown subcommand /" + call.path());
                }
                files.run(call);
            }
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (!call.focusedOption().equals("character")) {
            return List.of();
        }
        return OWNED.contains(call.path()) ? choices.editable(call.caller(), call.typed())
                : choices.visible(call.caller(), call.typed());
    }

    @Override
    public Set<String> prefixes() {
        return Set.of(name(), CharacterSettingsTier.PREFIX);
    }

    @Override
    public void component(ComponentCall call) {
        if (settings.handles(call)) {
            settings.handle(call);
        } else if (call.part(1).equals("seed")) {
            create(call);
        } else if (files.handles(call)) {
            files.handle(call);
        } else if (browse.handles(call)) {
            browse.handle(call, this::openFromBrowse);
        } else if (dashboard.handles(call)) {
            dashboard.handle(call);
        } else {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    private void create(ComponentCall call) {
        Caller caller = call.caller();
        PersonalityInput input = new PersonalityInput(Map.of("name", call.field("name"),
                "characterInfo", call.field("characterInfo"), "personalityTraits", call.field("personalityTraits")),
                call.field("slug"), false);
        Personality created = useCases.creatingPersonality().create(caller.actor(), input);
        dashboard.openAsReply(call, created, "✅ Created **" + created.shownName() + "** (private). Fill in the"
                + " sections below, then make it public when it is ready.");
    }

    /** Editable characters open on the dashboard; others show their profile, with a way back to the list. */
    private void openFromBrowse(ComponentCall call, String slug, String backState) {
        Caller caller = call.caller();
        Personality p = useCases.viewingPersonalities().visible(caller.actor(), slug);
        if (useCases.viewingPersonalities().mayEdit(caller.actor(), p)) {
            dashboard.openFromBrowse(call, p, backState);
        } else {
            call.update(new MessageEditBuilder().setContent("").setEmbeds(CharacterCard.of(p)).setComponents(
                    ActionRow.of(Button.secondary("character::browse::" + backState, "◀️ Back to Browse"))).build());
        }
    }

    private static Modal seedModal() {
        return Modal.create("character::seed", "New character").addComponents(
                Label.of("Name", TextInput.create("name", TextInputStyle.SHORT).setRequired(true).setMaxLength(255)
                        .build()),
                Label.of("Unique ID (slug)", TextInput.create("slug", TextInputStyle.SHORT).setRequired(true)
                        .setMinLength(3).setMaxLength(50).setPlaceholder("lowercase-letters-digits-and-hyphens").build()),
                Label.of("Character info", TextInput.create("characterInfo", TextInputStyle.PARAGRAPH)
                        .setRequired(true).setMaxLength(4000).build()),
                Label.of("Personality traits", TextInput.create("personalityTraits", TextInputStyle.PARAGRAPH)
                        .setRequired(true).setMaxLength(1000).build()))
                .build();
    }
}
