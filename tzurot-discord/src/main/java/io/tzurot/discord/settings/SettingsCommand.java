package io.tzurot.discord.settings;

import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.KeyCheck;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.portability.DataCommands;
import io.tzurot.discord.dashboard.DashboardEngine;
import io.tzurot.discord.dashboard.DashboardSessions;
import io.tzurot.discord.tiers.TierDashboard;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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

/**
 * {@code /settings timezone set | view}, {@code /settings apikey set | browse | remove | test} and
 * {@code /settings defaults edit} (the user's own tier of the settings cascade, as a dashboard) and
 * {@code /settings data export | delete} ({@link DataCommands}): the user's own
 * settings. A provider key is typed into a modal only, checked with the provider before it is stored
 * (encrypted), and never shown, echoed or logged.
 */
public final class SettingsCommand implements SlashCommand {

    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** Custom-id prefix of the defaults dashboard. */
    static final String DEFAULTS_PREFIX = "mysettings";

    private final ManagementUseCases useCases;
    private final UserDefaultsTier defaultsTier;
    private final DashboardEngine<TierDashboard.View> defaults;
    private final DataCommands data;

    public SettingsCommand(ManagementUseCases useCases, DashboardSessions sessions, DataCommands data) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.data = Objects.requireNonNull(data, "data");
        this.defaultsTier = new UserDefaultsTier(useCases.settings(), useCases.resolveSettings());
        this.defaults = new DashboardEngine<>(new TierDashboard(DEFAULTS_PREFIX, "/settings defaults edit",
                defaultsTier), sessions, (call, back) -> {
                    throw new CommandFailure("Unknown interaction!"); // never opened from a list
                });
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String category() {
        return "⚙️ Settings";
    }

    @Override
    public SlashCommandData definition() {
        OptionData provider = new OptionData(OptionType.STRING, "provider", "The model provider", true);
        useCases.apiKeys().providers().forEach(p -> provider.addChoice(p, p));
        return Commands.slash("settings", "Your own settings: time zone, provider keys, defaults and your data").addSubcommandGroups(
                new SubcommandGroupData("timezone", "Your time zone (characters see your local date and time)")
                        .addSubcommands(new SubcommandData("set", "Set your time zone").addOptions(new OptionData(
                                        OptionType.STRING, "timezone", "An IANA zone such as Europe/Paris", true, true)),
                                new SubcommandData("view", "Show your time zone")),
                new SubcommandGroupData("apikey", "Your own provider keys (replies then use your key)").addSubcommands(
                        new SubcommandData("set", "Store a key (typed into a private form)").addOptions(provider),
                        new SubcommandData("browse", "List the providers you have stored a key for"),
                        new SubcommandData("remove", "Remove a stored key").addOptions(provider),
                        new SubcommandData("test", "Check a stored key with the provider").addOptions(provider)),
                new SubcommandGroupData("defaults", "Your own defaults (history, memory, footer) for every character")
                        .addSubcommands(new SubcommandData("edit", "Edit your defaults in a dashboard")),
                DataCommands.definition());
    }

    @Override
    public Deferral deferral(String path) {
        return path.equals("settings apikey set") ? Deferral.MODAL : Deferral.EPHEMERAL;
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        switch (call.path()) {
            case "settings timezone set" -> {
                String zone = useCases.settings().setTimezone(caller.actor(), call.option("timezone").orElse(""));
                call.answer("✅ Your time zone is now **" + zone + "** (it is " + now(zone) + " there).");
            }
            case "settings timezone view" -> {
                String zone = useCases.settings().timezone(caller.actor());
                call.answer("🕒 Your time zone is **" + zone + "** (it is " + now(zone) + " there). Change it with"
                        + " `/settings timezone set`.");
            }
            case "settings apikey set" -> {
                String provider = useCases.apiKeys().provider(call.option("provider").orElse(""));
                call.openModal(Modal.create("settings::apikey::" + provider, "Your " + provider + " key")
                        .addComponents(Label.of("API key", TextInput.create("key", TextInputStyle.SHORT)
                                .setRequired(true).setMaxLength(500).setPlaceholder("sk-or-...").build())).build());
            }
            case "settings apikey browse" -> {
                List<ApiKey> keys = useCases.apiKeys().list(caller.actor());
                call.answer(keys.isEmpty() ? "🔑 You have no stored keys; replies use the operator's key (free models"
                        + " only). Add yours with `/settings apikey set`." : "🔑 Your stored keys:\n" + keys.stream()
                        .map(k -> "• **" + k.provider() + "**" + (k.active() ? "" : " (inactive)"))
                        .collect(Collectors.joining("\n")));
            }
            case "settings apikey remove" -> {
                String provider = call.option("provider").orElse("");
                useCases.apiKeys().remove(caller.actor(), provider);
                call.answer("🗑️ Your " + provider + " key was removed; replies use the operator's key again.");
            }
            case "settings apikey test" -> call.answer(describe(useCases.apiKeys().test(caller.actor(),
                    call.option("provider").orElse(""))));
            case "settings data export", "settings data delete" -> data.run(call);
            case "settings defaults edit" -> defaults.open(call, defaultsTier.load(caller, UserDefaultsTier.ID));
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (!call.focusedOption().equals("timezone")) {
            return List.of();
        }
        String typed = call.typed().toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/"))
                .filter(z -> z.toLowerCase(Locale.ROOT).contains(typed)).sorted().limit(25)
                .map(z -> new Command.Choice(z, z)).toList();
    }

    @Override
    public Set<String> prefixes() {
        return Set.of(name(), DEFAULTS_PREFIX);
    }

    @Override
    public void component(ComponentCall call) {
        if (data.handles(call)) {
            data.handle(call);
            return;
        }
        if (defaults.handles(call)) {
            defaults.handle(call);
            return;
        }
        if (!call.isModal() || !call.part(1).equals("apikey")) {
            throw new CommandFailure("Unknown interaction!");
        }
        String provider = call.part(2);
        useCases.apiKeys().set(call.caller().actor(), provider, call.field("key"));
        call.reply("✅ Your " + provider + " key works and is stored encrypted. Your replies now use it.");
    }

    private static String describe(KeyCheck check) {
        if (check instanceof KeyCheck.Accepted) {
            return "✅ Your key works.";
        }
        if (check instanceof KeyCheck.Rejected rejected) {
            return "❌ The provider refused your key: " + rejected.reason();
        }
        return "⚠️ The provider could not be asked: " + ((KeyCheck.Unavailable) check).reason();
    }

    private static String now(String zone) {
        return ZonedDateTime.now(ZoneId.of(zone)).format(NOW);
    }
}
