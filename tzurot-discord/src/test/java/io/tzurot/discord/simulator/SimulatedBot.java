package io.tzurot.discord.simulator;

import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/** A real JDA client logged in to a {@link DiscordSimulator}, recording every event it receives. */
final class SimulatedBot implements AutoCloseable {

    /** Only guards against a hang; the tests assert on outcomes, never on how fast they arrive. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<GenericEvent> events;
    private final JDA jda;

    private SimulatedBot(JDA jda, List<GenericEvent> events) {
        this.jda = jda;
        this.events = events;
    }

    /** Connects with {@code customizer} applied last, e.g. to enable more intents or member chunking. */
    static SimulatedBot connectWith(DiscordSimulator simulator, Consumer<JDABuilder> customizer,
                                    EventListener... extraListeners) throws InterruptedException {
        List<GenericEvent> events = new CopyOnWriteArrayList<>();
        JDABuilder builder = JDABuilder.createDefault(simulator.botToken())
                .enableIntents(GatewayIntent.MESSAGE_CONTENT)
                .setRestConfig(new RestConfig().setBaseUrl(simulator.restBaseUrl()))
                // The only way to redirect a plain JDABuilder's gateway; one controller per JDA avoids the 5 s
                // spacing a shared controller puts between IDENTIFYs.
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return simulator.gatewayUrl();
                    }
                })
                .setCompression(Compression.NONE)
                .addEventListeners((EventListener) events::add)
                .addEventListeners((Object[]) extraListeners);
        customizer.accept(builder);
        JDA jda = builder.build();
        jda.awaitReady();
        return new SimulatedBot(jda, events);
    }

    JDA jda() {
        return jda;
    }

    /** Waits for a received message matching {@code condition} and returns it. */
    MessageReceivedEvent awaitMessage(Predicate<MessageReceivedEvent> condition) {
        return await().atMost(PATIENCE).until(() -> received(condition), Optional::isPresent).orElseThrow();
    }

    Optional<MessageReceivedEvent> received(Predicate<MessageReceivedEvent> condition) {
        return events.stream().filter(MessageReceivedEvent.class::isInstance).map(MessageReceivedEvent.class::cast)
                .filter(condition).findFirst();
    }

    /** The text channel once JDA has learnt of it (channels created after READY arrive as CHANNEL_CREATE). */
    TextChannel textChannel(long id) {
        return await().atMost(PATIENCE).until(() -> jda.getTextChannelById(id), c -> c != null);
    }

    <T extends GenericEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() throws InterruptedException {
        jda.shutdownNow();
        jda.awaitShutdown(PATIENCE);
    }
}
