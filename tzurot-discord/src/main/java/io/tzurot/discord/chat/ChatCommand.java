package io.tzurot.discord.chat;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.reply.Speaker;
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
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /chat character:<slug> message:<text>}: a public one-shot message to a character. The bot posts
 * {@code **Name:** text} as itself, and the character answers that post through its webhook, as it answers a
 * mention. Only characters the caller may see can be chatted with.
 */
public final class ChatCommand implements SlashCommand {

    /** Longest message. */
    public static final int MAX_MESSAGE = 2000;

    private final ViewingPersonalities personalities;
    private final CharacterChoices choices;
    private final ChatDelivery delivery;

    public ChatCommand(ViewingPersonalities personalities, CharacterChoices choices, ChatDelivery delivery) {
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.choices = Objects.requireNonNull(choices, "choices");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String category() {
        return "🎭 Characters";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("chat", "Send one message to a character; it answers in this channel").addOptions(
                new OptionData(OptionType.STRING, "character", "The character (slug)", true, true),
                new OptionData(OptionType.STRING, "message", "What you say", true).setMaxLength(MAX_MESSAGE));
    }

    @Override
    public Deferral deferral(String path) {
        return Deferral.PUBLIC;
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        ChannelType type = call.event().getChannelType();
        if (type != ChannelType.TEXT && !type.isThread()) {
            throw new CommandFailure("❌ This command can only be used in text channels or threads.");
        }
        String slug = call.option("character").orElseThrow(() -> DomainException.invalid("character",
                "Name the character to talk to (its slug)."));
        String text = call.option("message").orElseThrow(() -> DomainException.invalid("message",
                "Write the message to send."));
        if (text.length() > MAX_MESSAGE) {
            throw DomainException.invalid("message", "A message has at most " + MAX_MESSAGE + " characters.");
        }
        Personality personality = personalities.visible(caller.actor(), slug);
        String said = "**" + caller.displayName() + ":** " + text;
        Message anchor = call.event().getChannel().sendMessage(said.length() <= 2000 ? said : said.substring(0, 1999)
                + "…").setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).complete();
        call.event().getHook().deleteOriginal().queue(ok -> { }, e -> { });
        delivery.deliver(anchor, new Speaker(caller.discordId(), caller.user().username(), caller.displayName()),
                personality, text);
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return call.focusedOption().equals("character") ? choices.visible(call.caller(), call.typed()) : List.of();
    }
}
