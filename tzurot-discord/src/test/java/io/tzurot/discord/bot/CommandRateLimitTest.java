package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.limits.MessageClaims;
import io.tzurot.core.limits.RateLimiting;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.storage.limits.JdbiRateLimitsRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Slash commands past the bot owner's command burst are refused privately, per user, on the simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRateLimitTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimGuild guild;
    private SimTextChannel channel;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("command-limits");
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Limited Guild");
        channel = harness.simulator.world().createTextChannel(guild, "commands");
        JdbiRateLimitsRepository limits = new JdbiRateLimitsRepository(harness.database.jdbi(),
                new JdbiAdminSettingsRepository(harness.database.jdbi(), Clock.systemUTC()), Clock.systemUTC());
        // two commands at once, then one a minute
        limits.set(new RateLimits(10, 10, 2, 1, 50), null);
        harness.guards = Optional.of(new MessageGuards(new MessageClaims(harness.keys),
                new RateLimiting(harness.keys, limits, Clock.systemUTC())));
        harness.serveCommands(s -> s.withCommandsGuild(Long.toString(guild.id())));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aThirdCommandAtOnceIsRefusedPrivatelyAndOthersAreNotLimited() {
        SimUser gina = harness.simulator.world().createMember(guild, "gina");
        SimUser hal = harness.simulator.world().createMember(guild, "hal");

        assertThat(commands.run(gina, channel, "help", Map.of())).contains("Commands");
        assertThat(commands.run(gina, channel, "help", Map.of())).contains("Commands");
        String refused = commands.run(gina, channel, "help", Map.of());
        assertThat(refused).startsWith("⏳ Too many commands at once. Try again in ").endsWith("seconds.");
        assertThat(commands.run(hal, channel, "help", Map.of())).as("another user's bucket").contains("Commands");
    }
}
