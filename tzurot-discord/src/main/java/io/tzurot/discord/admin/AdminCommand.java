package io.tzurot.discord.admin;

import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.admin.BotOwnerOnly;
import io.tzurot.core.admin.CleaningUp;
import io.tzurot.core.admin.CleanupTarget;
import io.tzurot.core.admin.Presence;
import io.tzurot.core.admin.UsagePeriod;
import io.tzurot.core.failure.DomainException;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.dashboard.DashboardEngine;
import io.tzurot.discord.dashboard.DashboardSessions;
import io.tzurot.discord.tiers.TierDashboard;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /admin ping | servers | kick | usage | cleanup | settings | health | presence | metrics}: the bot owner's
 * commands (spec/discord.md §2.1). Everyone else is refused by core's {@link BotOwnerOnly}, the rule the admin API
 * and the console use too; answers are private.
 */
public final class AdminCommand implements SlashCommand {

    /** Custom-id prefix of the server list and the kick confirmation. */
    static final String PREFIX = "admin";
    static final String KICK = PREFIX + "::kick::";
    static final String KICK_ASK = PREFIX + "::kick-ask::";
    static final String KICK_CANCEL = PREFIX + "::kick-cancel";
    static final String BACK = PREFIX + "::back::";

    private final AdminServices admin;
    private final Servers servers;
    private final Supplier<List<JDA>> shards;
    private final BrowseView<Guild> browse;
    private final AdminSettingsTier tier;
    private final DashboardEngine<TierDashboard.View> settings;
    private final Clock clock;

    public AdminCommand(AdminServices admin, Supplier<List<JDA>> shards, DashboardSessions sessions, Clock clock) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.shards = Objects.requireNonNull(shards, "shards");
        this.servers = new Servers(shards);
        this.browse = new BrowseView<>(new ServerBrowse(servers));
        this.tier = new AdminSettingsTier(admin.settings());
        this.settings = new DashboardEngine<>(new TierDashboard(AdminSettingsTier.PREFIX, "/admin settings", tier),
                sessions, (call, back) -> {
                    throw new CommandFailure("Unknown interaction!"); // never opened from a list
                });
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public String category() {
        return "🛡️ Admin";
    }

    @Override
    public SlashCommandData definition() {
        OptionData period = new OptionData(OptionType.STRING, "period", "The period (default 7d)", false);
        Arrays.stream(UsagePeriod.values()).forEach(p -> period.addChoice(p.label(), p.label()));
        OptionData target = new OptionData(OptionType.STRING, "target", "What to delete (default all)", false);
        Arrays.stream(CleanupTarget.values()).forEach(t -> target.addChoice(t.label(), t.label()));
        OptionData type = new OptionData(OptionType.INTEGER, "type", "The activity", true);
        for (Presence.Kind kind : Presence.Kind.values()) {
            type.addChoice(kind.name().charAt(0) + kind.name().substring(1).toLowerCase(), kind.code());
        }
        OptionData status = new OptionData(OptionType.STRING, "status", "Online status (default online)", false);
        Arrays.stream(Presence.Status.values()).forEach(s -> status.addChoice(s.label(), s.label()));
        return Commands.slash("admin", "Bot owner only: servers, usage, clean-up, settings, health").addSubcommands(
                new SubcommandData("ping", "The bot's gateway latency"),
                new SubcommandData("servers", "Browse the servers the bot is in"),
                new SubcommandData("kick", "Make the bot leave a server")
                        .addOption(OptionType.STRING, "server-id", "The server", true, true),
                new SubcommandData("usage", "Token usage of every user").addOptions(period),
                new SubcommandData("cleanup", "Delete old rows").addOptions(new OptionData(OptionType.INTEGER, "days",
                        "Older than this many days (default 30)", false).setRequiredRange(1, CleaningUp.MAX_DAYS), target),
                new SubcommandData("settings", "The bot-wide settings as a dashboard"),
                new SubcommandData("health", "Every live process of the fleet"),
                new SubcommandData("presence", "Set the bot's activity and status").addOptions(type,
                        new OptionData(OptionType.STRING, "text", "The activity's text", false)
                                .setMaxLength(Presence.MAX_TEXT), status),
                new SubcommandData("metrics", "A summary of this process's main meters"));
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        BotOwnerOnly.require(caller.actor());
        switch (call.path()) {
            case "admin ping" -> call.answer("🏓 Pong! Gateway latency: " + servers.pings().stream()
                    .map(p -> p + " ms").toList());
            case "admin servers" -> call.answer(browse.first(caller, "", ""));
            case "admin kick" -> call.answer(confirmKick(call.option("server-id").orElse("")));
            case "admin usage" -> call.answer(AdminTexts.usage(admin.usage().report(caller.actor(),
                    call.option("period").orElse(""))));
            case "admin cleanup" -> call.answer(AdminTexts.cleanup(admin.cleanup().cleanUp(caller.actor(),
                    integer(call, "days"), call.option("target").orElse(""))));
            case "admin settings" -> settings.open(call, tier.load(caller, ""));
            case "admin health" -> call.answer(AdminTexts.health(admin.fleet().live(caller.actor()), servers.pings(),
                    clock.instant()));
            case "admin presence" -> {
                Integer code = integer(call, "type");
                Presence presence = admin.presence().set(caller.actor(), code == null ? -1 : code,
                        call.option("text").orElse(""), call.option("status").orElse(""));
                PresenceApplier.apply(shards.get(), presence);
                call.answer("✅ Presence set: " + presence.status().label() + (presence.kind() == Presence.Kind.NONE
                        ? ", no activity." : ", " + presence.kind().name().toLowerCase() + " **" + presence.text() + "**."));
            }
            case "admin metrics" -> call.answer(AdminTexts.metrics(admin.meters(caller.actor())));
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    private net.dv8tion.jda.api.utils.messages.MessageEditData confirmKick(String id) {
        Guild guild = servers.find(id).orElseThrow(() -> DomainException.notFound("Server '" + shorten(id) + "'"));
        return new MessageEditBuilder().setEmbeds().setContent("⚠️ **Leave " + guild.getName() + "** (`" + guild.getId() + "`, "
                        + Servers.members(guild) + ")? The bot can only come back by a new invitation.")
                .setComponents(ActionRow.of(Button.danger(KICK + guild.getId(), "Leave Server"),
                        Button.secondary(KICK_CANCEL, "Cancel"))).build();
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        if (!call.focusedOption().equals("server-id") || !call.caller().botOwner()) {
            return List.of();
        }
        return servers.all().stream().filter(g -> BrowseView.matches(call.typed(), g.getName(), g.getId())).limit(25)
                .map(g -> new Command.Choice(shortChoice(g.getName() + " (" + Servers.members(g) + ")"), g.getId()))
                .toList();
    }

    @Override
    public Set<String> prefixes() {
        return Set.of(PREFIX, AdminSettingsTier.PREFIX);
    }

    @Override
    public void component(ComponentCall call) {
        BotOwnerOnly.require(call.caller().actor());
        if (settings.handles(call)) {
            settings.handle(call);
            return;
        }
        switch (call.part(1)) {
            case "kick" -> {
                Guild guild = servers.find(call.part(2)).orElseThrow(() -> DomainException.notFound("Server '"
                        + shorten(call.part(2)) + "'"));
                guild.leave().queue();
                call.update(new MessageEditBuilder().setContent("👋 Left **" + guild.getName() + "** (`"
                        + guild.getId() + "`).").setComponents().build());
            }
            case "kick-ask" -> call.update(confirmKick(call.part(2)));
            case "kick-cancel" -> call.update(new MessageEditBuilder().setContent("Cancelled: the bot stays.")
                    .setComponents().build());
            case "back" -> browse.back(call, joinFrom(call, 2));
            default -> {
                if (!browse.handles(call)) {
                    throw new CommandFailure("Unknown interaction!");
                }
                browse.handle(call, (c, value, back) -> c.update(detail(value, back)));
            }
        }
    }

    private net.dv8tion.jda.api.utils.messages.MessageEditData detail(String id, String backState) {
        Guild guild = servers.find(id).orElseThrow(() -> DomainException.notFound("Server '" + shorten(id) + "'"));
        String text = "🖥️ **" + guild.getName() + "**\nId: `" + guild.getId() + "`\nMembers: "
                + guild.getMemberCount() + "\nOwner: <@" + guild.getOwnerId() + ">\nJoined: <t:"
                + guild.getSelfMember().getTimeJoined().toEpochSecond() + ":f>";
        return new MessageEditBuilder().setContent(text).setEmbeds().setComponents(ActionRow.of(
                Button.secondary(BACK + backState, "◀️ Back"), Button.danger(KICK_ASK + guild.getId(), "Leave Server…")))
                .build();
    }

    private static String joinFrom(ComponentCall call, int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < call.parts(); i++) {
            out.append(i > from ? "::" : "").append(call.part(i));
        }
        return out.toString();
    }

    private static Integer integer(CommandCall call, String name) {
        var option = call.event().getOption(name);
        return option == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, option.getAsLong()));
    }

    private static String shorten(String id) {
        return id.length() > 25 ? id.substring(0, 25) + "…" : id;
    }

    private static String shortChoice(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
