package io.tzurot.discord.scene;

import io.tzurot.core.channel.PickingSpeaker;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.discord.chat.ChatCommand;
import io.tzurot.discord.chat.ChatDelivery;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import java.util.Objects;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /random message:<text>}: sends the message to a character chosen at random among all those the caller may
 * see ({@link PickingSpeaker}); like {@code /chat}, the bot posts the words and the character answers them.
 */
public final class RandomCommand implements SlashCommand {

    private final PickingSpeaker picking;
    private final ChatDelivery delivery;

    public RandomCommand(PickingSpeaker picking, ChatDelivery delivery) {
        this.picking = Objects.requireNonNull(picking, "picking");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String category() {
        return "🎭 Characters";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("random", "Send a message to a character chosen at random").addOptions(
                new OptionData(OptionType.STRING, "message", "What you say", true).setMaxLength(ChatCommand.MAX_MESSAGE));
    }

    @Override
    public Deferral deferral(String path) {
        return Deferral.PUBLIC;
    }

    @Override
    public void run(CommandCall call) {
        if (!call.path().equals("random")) {
            throw new CommandFailure("Unknown subcommand /" + call.path());
        }
        ChimeInCommand.requireTextChannel(call);
        String text = call.option("message").orElseThrow(() -> DomainException.invalid("message",
                "Write the message to send."));
        if (text.length() > ChatCommand.MAX_MESSAGE) {
            throw DomainException.invalid("message", "A message has at most " + ChatCommand.MAX_MESSAGE + " characters.");
        }
        Personality p = picking.anyVisible(call.caller().actor());
        ChimeInCommand.post(call, "**" + call.caller().displayName() + "** → 🎲 **" + p.shownName() + ":** " + text,
                p, text, delivery);
    }
}
