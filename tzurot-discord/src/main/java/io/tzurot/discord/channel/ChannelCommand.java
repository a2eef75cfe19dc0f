package io.tzurot.discord.channel;

import io.tzurot.core.cascade.EditingChannelSettings;
import io.tzurot.core.channel.ActivatingChannel;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.channel.ListingActivatedChannels;
import io.tzurot.core.channel.SwitchingEditStreaming;
import io.tzurot.core.channel.ListingActivatedChannels.ActiveChannel;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.discord.browse.BrowseSpec;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.dashboard.DashboardEngine;
import io.tzurot.discord.dashboard.DashboardSessions;
import io.tzurot.discord.tiers.TierDashboard;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /channel activate character:<slug> | deactivate [character:<slug>] | browse [query] | settings} (plus
 * {@code speaking ...} and {@code ghost ...}, see {@link SpeakingCommands}, and {@code streaming on|off|status}, see
 * {@link StreamingCommands}): which characters share a server
 * channel's scene (up to the bot owner's limit; {@code deactivate} without a character removes them all) (threads
 * under it follow it unless they have their own; used in a thread, the
 * command changes the thread's parent), and the channel's tier of the settings cascade as a dashboard. The rules
 * (moderators, the server owner and the bot owner only; only characters the caller may see; which settings a
 * channel may hold) are {@link ActivatingChannel}'s and {@link EditingChannelSettings}'s.
 */
public final class ChannelCommand implements SlashCommand {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ActivatingChannel activation;
    private final ListingActivatedChannels listing;
    private final CharacterChoices choices;
    private final BrowseView<ActiveChannel> browse;
    private final ChannelSettingsTier channelTier;
    private final DashboardEngine<TierDashboard.View> settings;
    private final SpeakingCommands speaking;
    private final StreamingCommands streaming;

    public ChannelCommand(ActivatingChannel activation, ListingActivatedChannels listing, CharacterChoices choices,
                          EditingChannelSettings channelSettings, DashboardSessions sessions) {
        this(activation, listing, choices, channelSettings, sessions, Optional.empty());
    }

    /** With {@code /channel speaking} and {@code /channel ghost} served by {@code places}. */
    public ChannelCommand(ActivatingChannel activation, ListingActivatedChannels listing, CharacterChoices choices,
                          EditingChannelSettings channelSettings, DashboardSessions sessions,
                          Optional<ChoosingWhereCharactersSpeak> places) {
        this(activation, listing, choices, channelSettings, sessions, places, Optional.empty());
    }

    /** With {@code /channel streaming} served by {@code streaming} too. */
    public ChannelCommand(ActivatingChannel activation, ListingActivatedChannels listing, CharacterChoices choices,
                          EditingChannelSettings channelSettings, DashboardSessions sessions,
                          Optional<ChoosingWhereCharactersSpeak> places, Optional<SwitchingEditStreaming> streaming) {
        this.speaking = new SpeakingCommands(places);
        this.streaming = new StreamingCommands(streaming);
        this.activation = Objects.requireNonNull(activation, "activation");
        this.listing = Objects.requireNonNull(listing, "listing");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.browse = new BrowseView<>(new ActiveChannels());
        this.channelTier = new ChannelSettingsTier(channelSettings);
        this.settings = new DashboardEngine<>(new TierDashboard(SETTINGS_PREFIX, "/channel settings", channelTier),
                sessions, (call, back) -> {
                    throw new CommandFailure("Unknown interaction!"); // never opened from a list
                });
    }

    /** Custom-id prefix of the channel settings dashboard. */
    static final String SETTINGS_PREFIX = "chsettings";

    @Override
    public String name() {
        return "channel";
    }

    @Override
    public String category() {
        return "📺 Channels";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("channel", "Choose which characters answer messages in a channel").addSubcommands(
                new SubcommandData("activate", "Add a character to this channel's scene: it takes turns answering messages")
                        .addOption(OptionType.STRING, "character", "The character (slug)", true, true),
                new SubcommandData("deactivate", "Remove a character from this channel's scene, or every character")
                        .addOption(OptionType.STRING, "character", "The character (slug); none removes all", false, true),
                new SubcommandData("browse", "List this server's channels with an activated character")
                        .addOption(OptionType.STRING, "query", "Only characters whose name contains this", false),
                new SubcommandData("settings", "This channel's settings (history, images, model footer) as a dashboard"))
                .addSubcommandGroups(SpeakingCommands.groups()).addSubcommandGroups(StreamingCommands.group());
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        if (SpeakingCommands.handles(call.path())) {
            speaking.run(call);
            return;
        }
        if (StreamingCommands.handles(call.path())) {
            streaming.run(call, channelCaller(call));
            return;
        }
        switch (call.path()) {
            case "channel activate" -> {
                String slug = call.option("character").orElseThrow(() -> DomainException.invalid("character", "Name the character to activate (its slug)."));
                ActivatingChannel.Activation done = activation.activate(channelCaller(call), slug);
                int count = done.channel().activated().size();
                call.answer(done.alreadyActive()
                        ? "📍 **" + done.personality().shownName() + "** is already active in this channel."
                        : "✅ Activated **" + done.personality().shownName() + "** in this channel"
                        + (count == 1 ? ". It now answers every message here, and in threads that have no character"
                                + " of their own."
                                : " (" + count + " characters now share it; `/scene view` shows how they take turns)."));
            }
            case "channel deactivate" -> {
                List<Personality> removed = activation.deactivate(channelCaller(call), call.option("character"));
                call.answer(removed.isEmpty()
                        ? call.option("character").isPresent()
                                ? "📍 That character is not active in this channel."
                                : "📍 No character is currently activated in this channel."
                        : "✅ Deactivated " + removed.stream().map(p -> "**" + p.shownName() + "**")
                                .collect(Collectors.joining(", ")) + " in this channel.");
            }
            case "channel browse" -> {
                listing.inGuild(caller.actor(), caller.guildId().orElse(null)); // refuses outside a server
                call.answer(browse.first(caller, "", call.option("query").orElse("")));
            }
            case "channel settings" -> settings.open(call, channelTier.load(caller, ""));
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return call.focusedOption().equals("character") ? choices.visible(call.caller(), call.typed()) : List.of();
    }

    @Override
    public Set<String> prefixes() {
        return Set.of(name(), SETTINGS_PREFIX);
    }

    @Override
    public void component(ComponentCall call) {
        if (settings.handles(call)) {
            settings.handle(call);
            return;
        }
        if (!browse.handles(call)) {
            throw new CommandFailure("Unknown interaction!");
        }
        browse.handle(call, (c, value, back) -> c.reply("<#" + value + "> — use `/channel deactivate` there to"
                + " remove its character, or `/channel activate` to change it."));
    }

    /** A thread follows its parent, so in a thread the parent channel is the one changed. */
    private static ChannelCaller channelCaller(CommandCall call) {
        return channelCaller(call.caller());
    }

    /** The caller acting on their channel, or on its parent in a thread. */
    static ChannelCaller channelCaller(Caller caller) {
        return new ChannelCaller(caller.actor(), caller.parentChannelId().orElse(caller.channelId()),
                caller.guildId().orElse(null), caller.manageMessages(), caller.guildOwner());
    }

    /** The server's activated channels, filtered by the character's name. */
    private final class ActiveChannels implements BrowseSpec<ActiveChannel> {

        @Override
        public String prefix() {
            return "channel";
        }

        @Override
        public String title() {
            return "📺 Activated channels";
        }

        @Override
        public List<String> filters() {
            return List.of("current");
        }

        @Override
        public List<ActiveChannel> items(Caller caller, String filter, String query) {
            return listing.inGuild(caller.actor(), caller.guildId().orElse(null)).stream()
                    .filter(a -> BrowseView.matches(query, a.visible() ? a.personality().shownName() : ""))
                    .toList();
        }

        @Override
        public String line(ActiveChannel item) {
            return "<#" + item.channelId() + "> → " + shown(item) + "\n _Activated: " + DATE.format(item.since()) + "_";
        }

        @Override
        public String label(ActiveChannel item) {
            return "#" + item.channelId() + " → " + (item.visible() ? item.personality().shownName() : "a private character");
        }

        @Override
        public String value(ActiveChannel item) {
            return item.channelId();
        }

        @Override
        public String emptyText(String filter, String query) {
            return query.isEmpty() ? "No channel in this server has an activated character."
                    : "No activated character's name contains \"" + query + "\".";
        }

        private String shown(ActiveChannel item) {
            return item.visible() ? "**" + item.personality().shownName() + "** (`" + item.personality().slug() + "`)"
                    : "🔒 _a private character_";
        }
    }
}
