package io.tzurot.discord.simulator;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The common ground of the JDA-against-simulator tests: a simulator with one guild and its member "alice";
 * build more of the world, then {@link #connect} a real JDA client. Closing ends both.
 */
final class SimulatorFixture implements AutoCloseable {

    final DiscordSimulator simulator = DiscordSimulator.start();
    final SimGuild guild;
    final SimUser alice;
    private SimulatedBot bot;

    SimulatorFixture(String guildName) {
        guild = simulator.world().createGuild(guildName);
        alice = simulator.world().createMember(guild, "alice");
    }

    SimulatedBot connect(EventListener... listeners) throws InterruptedException {
        return connectWith(builder -> { }, listeners);
    }

    /** Connects with {@code customizer} applied last, e.g. to enable more intents or member chunking. */
    SimulatedBot connectWith(Consumer<JDABuilder> customizer, EventListener... listeners) throws InterruptedException {
        bot = SimulatedBot.connectWith(simulator, customizer, listeners);
        return bot;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (bot != null) {
                bot.close();
            }
        } finally {
            simulator.close();
        }
    }
}
