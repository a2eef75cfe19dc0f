package io.tzurot.discord.bot;

import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Running commands on the simulator and reading the bot's answers, for the command tests. */
final class CommandScenario {

    /** Only guards against a hang; tests never assert on speed. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DiscordSimulator simulator;

    public CommandScenario(DiscordSimulator simulator) {
        this.simulator = simulator;
    }

    /** Runs a command and returns the final text of its ephemeral answer (content, else the first embed's text). */
    public String run(SimUser user, SimChannel channel, String path, Map<String, String> options) {
        return ephemeralText(simulator.users().slashCommand(user, channel, path, options));
    }

    /** The latest state of the interaction's ephemeral answer, once it has one with text. */
    public String ephemeralText(long interaction) {
        return text(ephemeral(interaction));
    }

    /** The latest state of the interaction's ephemeral answer, once it has content or embeds. */
    public SimMessage ephemeral(long interaction) {
        List<SimMessage> answers = await().atMost(PATIENCE).until(() -> simulator.ephemeralsFor(interaction),
                l -> !l.isEmpty() && !text(l.get(l.size() - 1)).isEmpty());
        SimMessage last = answers.get(answers.size() - 1);
        return simulator.ephemeral(last.id()).orElse(last);
    }

    /** The current state of an ephemeral message once {@code condition} holds for its text. */
    public SimMessage awaitEphemeral(long messageId, java.util.function.Predicate<String> condition) {
        return await().atMost(PATIENCE).until(() -> simulator.ephemeral(messageId),
                m -> m.isPresent() && condition.test(text(m.get()))).orElseThrow();
    }

    public BotActivity.InteractionAnswered answer(long interaction) {
        return await().atMost(PATIENCE).until(() -> simulator.answer(interaction), Optional::isPresent).orElseThrow();
    }

    /** Autocomplete choices the bot offered, as values. */
    public List<String> choices(SimUser user, SimChannel channel, String path, String option, String typed) {
        long id = simulator.users().autocomplete(user, channel, path, option, Map.of(option, typed));
        BotActivity.InteractionAnswered answer = answer(id);
        List<String> values = new java.util.ArrayList<>();
        answer.data().path("choices").forEach(c -> values.add(c.path("value").asText()));
        return values;
    }

    /** Autocomplete choices the bot offered, as labels. */
    public List<String> choiceLabels(SimUser user, SimChannel channel, String path, String option, String typed) {
        long id = simulator.users().autocomplete(user, channel, path, option, Map.of(option, typed));
        List<String> labels = new java.util.ArrayList<>();
        answer(id).data().path("choices").forEach(c -> labels.add(c.path("name").asText()));
        return labels;
    }

    /** Content plus every embed's title, description and fields, for assertions on what the user reads. */
    public static String text(SimMessage message) {
        StringBuilder text = new StringBuilder(message.content());
        message.embeds().forEach(e -> {
            text.append('\n').append(e.path("title").asText("")).append('\n').append(e.path("description").asText(""));
            e.path("fields").forEach(f -> text.append('\n').append(f.path("name").asText("")).append('\n')
                    .append(f.path("value").asText("")));
        });
        return text.toString().strip();
    }

    /** Every custom id of the message's components, in order. */
    public static List<String> customIds(SimMessage message) {
        List<String> ids = new java.util.ArrayList<>();
        message.components().findValues("custom_id").forEach(v -> ids.add(v.asText()));
        return ids;
    }
}
