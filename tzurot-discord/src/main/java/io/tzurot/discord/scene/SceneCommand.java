package io.tzurot.discord.scene;

import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.channel.EditingScene;
import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.channel.SpeakerStrategy;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.SlashCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /scene view | strategy strategy:<natural|list|random|manual> | talkativeness character:<slug> weight:<0-100>
 * | limits [max-characters] [replies] [chain]}: how the characters of a channel take turns. The rules (channel
 * managers set the strategy, whoever may edit a character its talkativeness, the bot owner the limits) are
 * {@link EditingScene}'s.
 */
public final class SceneCommand implements SlashCommand {

    private final EditingScene scene;
    private final CharacterChoices choices;

    public SceneCommand(EditingScene scene, CharacterChoices choices) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.choices = Objects.requireNonNull(choices, "choices");
    }

    @Override
    public String name() {
        return "scene";
    }

    @Override
    public String category() {
        return "📺 Channels";
    }

    @Override
    public SlashCommandData definition() {
        OptionData strategy = new OptionData(OptionType.STRING, "strategy", "Who answers a message that names nobody",
                true);
        Arrays.stream(SpeakerStrategy.values()).forEach(s -> strategy.addChoice(s.key(), s.key()));
        return Commands.slash("scene", "How the characters of a channel take turns").addSubcommands(
                new SubcommandData("view", "This channel's characters, speaker strategy and the scene limits"),
                new SubcommandData("strategy", "Choose who answers a message in this channel that addresses nobody")
                        .addOptions(strategy),
                new SubcommandData("talkativeness", "How readily a character speaks up in scenes (0-100)")
                        .addOption(OptionType.STRING, "character", "The character (slug)", true, true)
                        .addOptions(new OptionData(OptionType.INTEGER, "weight", "0 never, 100 always", true)
                                .setRequiredRange(0, 100)),
                new SubcommandData("limits", "Bot owner: characters per channel, replies per message, chained turns")
                        .addOptions(new OptionData(OptionType.INTEGER, "max-characters", "Characters one channel may hold",
                                        false).setRequiredRange(1, 25),
                                new OptionData(OptionType.INTEGER, "replies", "Replies one message may get", false)
                                        .setRequiredRange(1, 25),
                                new OptionData(OptionType.INTEGER, "chain",
                                        "Character turns in a row without a person (0: characters never answer each other)",
                                        false).setRequiredRange(0, SceneLimits.MAX_CHAIN)));
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        switch (call.path()) {
            case "scene view" -> {
                EditingScene.Scene shown = scene.view(caller.actor(), channelCaller(caller).channelId());
                call.answer(view(shown));
            }
            case "scene strategy" -> {
                SpeakerStrategy chosen = scene.setStrategy(channelCaller(caller), call.option("strategy").orElse(""));
                call.answer("✅ Speaker strategy of this channel: **" + chosen.key() + "** — " + explain(chosen));
            }
            case "scene talkativeness" -> {
                int weight = number(call, "weight").orElseThrow(() -> DomainException.invalid("weight",
                        "Give the talkativeness, a whole number from 0 to 100."));
                Personality p = scene.setTalkativeness(caller.actor(), call.option("character").orElse(""), weight);
                call.answer("✅ **" + p.shownName() + "** now has talkativeness **" + weight + "**.");
            }
            case "scene limits" -> {
                SceneLimits limits = scene.setLimits(caller.actor(), number(call, "max-characters"),
                        number(call, "replies"), number(call, "chain"));
                call.answer("✅ Scene limits: " + limits(limits));
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return call.focusedOption().equals("character") ? choices.visible(call.caller(), call.typed()) : List.of();
    }

    private static String view(EditingScene.Scene shown) {
        String characters = shown.characters().isEmpty() ? "_none_" : shown.characters().stream()
                .map(p -> "**" + p.shownName() + "** (`" + p.slug() + "`)").collect(Collectors.joining(", "));
        return "🎬 **Scene of this channel**\nCharacters: " + characters + "\nSpeaker strategy: **"
                + shown.strategy().key() + "** — " + explain(shown.strategy()) + "\nLimits: " + limits(shown.limits());
    }

    private static String limits(SceneLimits l) {
        return l.maxCharacters() + " characters per channel, " + l.maxReplies() + " replies per message, "
                + (l.maxChain() == 0 ? "characters never answer each other"
                : "characters answer each other up to " + l.maxChain() + " turn" + (l.maxChain() == 1 ? "" : "s")
                + " in a row until a person speaks");
    }

    private static String explain(SpeakerStrategy s) {
        return switch (s) {
            case NATURAL -> "the characters named in a message answer first, then others as their talkativeness says.";
            case LIST -> "every character answers, in the order they were activated.";
            case RANDOM -> "one character, chosen at random, answers.";
            case MANUAL -> "characters answer only when mentioned or replied to.";
        };
    }

    private static Optional<Integer> number(CommandCall call, String name) {
        Optional<String> raw = call.option(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(raw.get()));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, name + " must be a whole number; got '" + raw.get() + "'.");
        }
    }

    /** A thread follows its parent's scene. */
    private static ChannelCaller channelCaller(Caller caller) {
        return new ChannelCaller(caller.actor(), caller.parentChannelId().orElse(caller.channelId()),
                caller.guildId().orElse(null), caller.manageMessages(), caller.guildOwner());
    }
}
