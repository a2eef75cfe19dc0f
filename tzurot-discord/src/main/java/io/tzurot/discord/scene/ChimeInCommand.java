package io.tzurot.discord.scene;

import io.tzurot.core.channel.PickingSpeaker;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.Speaker;
import io.tzurot.discord.chat.ChatDelivery;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /chime-in [character:<slug>]}: asks one character to speak now, in this channel's conversation: the one
 * named, or one of the channel's scene at random ({@link PickingSpeaker}). The bot posts the request and the
 * character answers it as it answers a mention.
 */
public final class ChimeInCommand implements SlashCommand {

    private final PickingSpeaker picking;
    private final CharacterChoices choices;
    private final ChatDelivery delivery;

    public ChimeInCommand(PickingSpeaker picking, CharacterChoices choices, ChatDelivery delivery) {
        this.picking = Objects.requireNonNull(picking, "picking");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String name() {
        return "chime-in";
    }

    @Override
    public String category() {
        return "🎭 Characters";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("chime-in", "Ask a character to speak now (one of this channel's, if you name none)")
                .addOption(OptionType.STRING, "character", "The character (slug)", false, true);
    }

    @Override
    public Deferral deferral(String path) {
        return Deferral.PUBLIC;
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        requireTextChannel(call);
        Personality p = picking.chimeIn(caller.actor(), caller.channelId(), caller.parentChannelId(),
                call.option("character"));
        String text = "(asks " + p.shownName() + " to chime in)";
        post(call, "**" + caller.displayName() + "** asks **" + p.shownName() + "** to chime in.", p, text, delivery);
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return call.focusedOption().equals("character") ? choices.visible(call.caller(), call.typed()) : List.of();
    }

    static void requireTextChannel(CommandCall call) {
        ChannelType type = call.event().getChannelType();
        if (type != ChannelType.TEXT && !type.isThread()) {
            throw new CommandFailure("❌ This command can only be used in text channels or threads.");
        }
    }

    /** Posts {@code shown} as the bot and has {@code p} answer {@code text} said by the caller. */
    static void post(CommandCall call, String shown, Personality p, String text, ChatDelivery delivery) {
        Caller caller = call.caller();
        Message anchor = call.event().getChannel().sendMessage(shown.length() <= 2000 ? shown
                : shown.substring(0, 1999) + "…").setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).complete();
        call.event().getHook().deleteOriginal().queue(ok -> { }, e -> { });
        delivery.deliver(anchor, new Speaker(caller.discordId(), caller.user().username(), caller.displayName()), p, text);
    }
}
