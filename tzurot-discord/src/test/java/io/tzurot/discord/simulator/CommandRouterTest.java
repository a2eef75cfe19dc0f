package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.user.User;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.Callers;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandRegistrar;
import io.tzurot.discord.command.CommandRouter;
import io.tzurot.discord.command.Deferral;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The router on real JDA: deferral modes, a refusal as one ephemeral message, an unexpected error as one
 * ephemeral message whose reference id is the one logged with the error, an unknown component, and a public
 * command's error kept private.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRouterTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimTextChannel channel;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    /** A command whose subcommands succeed, refuse or break. */
    private static final class Probe implements SlashCommand {

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String category() {
            return "🧪 Tests";
        }

        @Override
        public SlashCommandData definition() {
            return Commands.slash("probe", "Probe").addSubcommands(new SubcommandData("ok", "ok"),
                    new SubcommandData("refuse", "refuse"), new SubcommandData("boom", "boom"),
                    new SubcommandData("public-boom", "public boom"), new SubcommandData("button", "button"));
        }

        @Override
        public Deferral deferral(String path) {
            return path.equals("probe public-boom") ? Deferral.PUBLIC : Deferral.EPHEMERAL;
        }

        @Override
        public void run(CommandCall call) {
            switch (call.path()) {
                case "probe ok" -> call.answer("fine");
                case "probe refuse" -> throw DomainException.forbidden("You may not do that.");
                case "probe boom", "probe public-boom" -> throw new IllegalStateException("secret internal detail");
                default -> call.answer(new net.dv8tion.jda.api.utils.messages.MessageEditBuilder().setContent("button")
                        .setComponents(net.dv8tion.jda.api.components.actionrow.ActionRow.of(
                                net.dv8tion.jda.api.components.buttons.Button.primary("nobody::knows", "?"))).build());
            }
        }
    }

    private static final class EveryoneAllowed implements Callers {

        @Override
        public boolean denied(Interaction interaction) {
            return false;
        }

        @Override
        public Caller resolve(Interaction interaction) {
            User user = new User(UUID.randomUUID(), interaction.getUser().getId(), interaction.getUser().getName(),
                    "UTC", false, false, null, null, null, Instant.now(), Instant.now());
            return new Caller(user, interaction.getUser().getId(), interaction.getUser().getName(), Optional.empty(),
                    interaction.getChannelId(), Optional.empty(), false, false);
        }
    }

    @BeforeAll
    void connect() throws InterruptedException {
        ((Logger) LoggerFactory.getLogger(CommandRouter.class)).addAppender(logs);
        logs.start();
        fixture = new SimulatorFixture("Router Guild");
        simulator = fixture.simulator;
        channel = simulator.world().createTextChannel(fixture.guild, "router");
        CommandRouter router = new CommandRouter(List.of(new Probe()), List.of(), new EveryoneAllowed(),
                Executors.newFixedThreadPool(2));
        SimulatedBot bot = fixture.connect(router);
        CommandRegistrar.register(List.of(bot.jda()), Optional.empty(), router);
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        ((Logger) LoggerFactory.getLogger(CommandRouter.class)).detachAppender(logs);
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void commandsAreDeferredEphemerallyThenAnswered() {
        long id = simulator.users().slashCommand(fixture.alice, channel, "probe ok", Map.of());

        assertThat(answer(id).callbackType()).isEqualTo(5);
        assertThat(answer(id).data().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(lastEphemeral(id).content()).isEqualTo("fine");
    }

    @Test
    void aRefusalIsOneEphemeralMessage() {
        long id = simulator.users().slashCommand(fixture.alice, channel, "probe refuse", Map.of());

        assertThat(lastEphemeral(id).content()).isEqualTo("❌ You may not do that.");
    }

    @Test
    void anUnexpectedErrorShowsAReferenceThatIsLoggedWithTheError() {
        long id = simulator.users().slashCommand(fixture.alice, channel, "probe boom", Map.of());

        String shown = lastEphemeral(id).content();
        assertThat(shown).startsWith("❌ Something went wrong on our side").doesNotContain("secret internal detail");
        Matcher reference = Pattern.compile("`([0-9a-f]{8})`").matcher(shown);
        assertThat(reference.find()).isTrue();
        await().atMost(SimulatedBot.PATIENCE).until(() -> logs.list.stream().anyMatch(e ->
                e.getFormattedMessage().contains(reference.group(1)) && e.getThrowableProxy() != null
                        && e.getThrowableProxy().getMessage().equals("secret internal detail")));
    }

    @Test
    void aPublicCommandsErrorStaysPrivate() {
        long id = simulator.users().slashCommand(fixture.alice, channel, "probe public-boom", Map.of());

        assertThat(lastEphemeral(id).content()).startsWith("❌ Something went wrong on our side");
        assertThat(answer(id).data().path("flags").asInt() & 64).isZero();
        assertThat(simulator.messagesIn(channel)).extracting(SimMessage::content)
                .noneMatch(c -> c.contains("Something went wrong"));
    }

    @Test
    void anUnknownComponentIsAnsweredAsSuch() {
        long id = simulator.users().slashCommand(fixture.alice, channel, "probe button", Map.of());
        SimMessage withButton = lastEphemeral(id);

        long click = simulator.users().clickButton(fixture.alice, withButton, "nobody::knows");

        assertThat(lastEphemeral(click).content()).isEqualTo("Unknown interaction!");
    }

    private io.tzurot.testkit.discord.activity.BotActivity.InteractionAnswered answer(long id) {
        return await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.answer(id), Optional::isPresent).orElseThrow();
    }

    private SimMessage lastEphemeral(long id) {
        List<SimMessage> all = await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.ephemeralsFor(id),
                l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return all.get(all.size() - 1);
    }
}
