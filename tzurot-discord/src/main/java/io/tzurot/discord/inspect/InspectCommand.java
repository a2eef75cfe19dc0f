package io.tzurot.discord.inspect;

import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.core.diagnostics.InspectingReplies.Inspection;
import io.tzurot.core.reply.FlightRecord;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.MessageMenuCommand;
import io.tzurot.discord.command.SlashCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * {@code /inspect [reply]} and the message commands "Inspect Message" and "View Reasoning": a delivered reply's
 * diagnostic record (character, persona, model, the cascade's sources, timings) with the system prompt, the
 * reasoning and the whole record as files. Only the person the reply answered and the bot owner may see it
 * ({@link InspectingReplies}).
 */
public final class InspectCommand implements SlashCommand {

    private static final Pattern LINK = Pattern.compile("discord(?:app)?\\.com/channels/[^/]+/\\d+/(\\d+)");

    private final InspectingReplies inspecting;

    public InspectCommand(InspectingReplies inspecting) {
        this.inspecting = Objects.requireNonNull(inspecting, "inspecting");
    }

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String category() {
        return "🔍 Diagnostics";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("inspect", "See how one of the replies to you was made (your latest here by default)")
                .addOption(OptionType.STRING, "reply", "A reply's message id or link, or its request id", false);
    }

    @Override
    public void run(CommandCall call) {
        Caller caller = call.caller();
        Inspection inspection = call.option("reply").map(r -> inspecting.find(caller.actor(), messageId(r)))
                .orElseGet(() -> inspecting.latest(caller.actor(), caller.channelId()));
        send(call.event().getHook(), inspection);
    }

    /** The context-menu commands, sharing this command's rule and output. */
    public List<MessageMenuCommand> menus() {
        return List.of(new Menu("Inspect Message", false), new Menu("View Reasoning", true));
    }

    private final class Menu implements MessageMenuCommand {

        private final String name;
        private final boolean reasoningOnly;

        Menu(String name, boolean reasoningOnly) {
            this.name = name;
            this.reasoningOnly = reasoningOnly;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void run(MessageContextInteractionEvent event, Caller caller) {
            Inspection inspection = inspecting.find(caller.actor(), event.getTarget().getId());
            if (!reasoningOnly) {
                send(event.getHook(), inspection);
                return;
            }
            String reasoning = reasoning(inspection.record()).orElseThrow(() -> new CommandFailure(
                    "💭 This reply has no recorded reasoning (the model gave none, or the preset did not ask for it)."));
            event.getHook().editOriginal("💭 Reasoning behind this reply:")
                    .setFiles(FileUpload.fromData(reasoning.getBytes(StandardCharsets.UTF_8), "reasoning.txt")).queue();
        }
    }

    private static void send(InteractionHook hook, Inspection inspection) {
        FlightRecord r = inspection.record();
        List<FileUpload> files = new ArrayList<>();
        files.add(FileUpload.fromData(nonNull(r.systemPrompt()).getBytes(StandardCharsets.UTF_8), "system-prompt.txt"));
        reasoning(r).ifPresent(text -> files.add(FileUpload.fromData(text.getBytes(StandardCharsets.UTF_8),
                "reasoning.txt")));
        files.add(FileUpload.fromData(inspection.log().dataJson().getBytes(StandardCharsets.UTF_8), "record.json"));
        hook.editOriginal("").setEmbeds(summary(inspection)).queue();
        hook.sendFiles(files).setEphemeral(true).queue();
    }

    private static MessageEmbed summary(Inspection inspection) {
        FlightRecord r = inspection.record();
        EmbedBuilder embed = new EmbedBuilder().setTitle("🔍 Reply " + r.requestId()).setColor(0x5865F2)
                .addField("Character", nonNull(r.personalitySlug()), true)
                .addField("Model", nonNull(r.model()) + (r.guestMode() ? " (operator's key)" : " (your key)"), true)
                .addField("Persona", nonNull(r.personaId()), true)
                .addField("Attempts", Integer.toString(r.attempts() == null ? 0 : r.attempts().size()), true);
        if (r.cascade() != null && !r.cascade().isEmpty()) {
            StringBuilder sources = new StringBuilder();
            r.cascade().forEach((k, v) -> sources.append(k).append(": ").append(v).append('\n'));
            embed.addField("Settings and where they came from", truncate(sources.toString(), 1024), false);
        }
        Optional.ofNullable(r.error()).ifPresent(e -> embed.addField("Error", truncate(e, 1024), false));
        return embed.setFooter("The system prompt, reasoning and whole record follow as files; kept 24 hours")
                .setTimestamp(r.createdAt()).build();
    }

    private static Optional<String> reasoning(FlightRecord r) {
        if (r.attempts() == null) {
            return Optional.empty();
        }
        return r.attempts().stream().map(FlightRecord.AttemptRecord::reasoning)
                .filter(t -> t != null && !t.isBlank()).reduce((first, last) -> last);
    }

    /** A message link becomes its message id; anything else is used as it is. */
    static String messageId(String reference) {
        Matcher m = LINK.matcher(reference);
        return m.find() ? m.group(1) : reference.strip();
    }

    private static String nonNull(String s) {
        return s == null ? "—" : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
