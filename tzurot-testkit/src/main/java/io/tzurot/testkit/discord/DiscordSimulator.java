package io.tzurot.testkit.discord;

import io.javalin.Javalin;
import io.tzurot.testkit.discord.activity.ActivityLog;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.gateway.GatewayHub;
import io.tzurot.testkit.discord.gateway.GatewayProtocol;
import io.tzurot.testkit.discord.gateway.JavalinGateway;
import io.tzurot.testkit.discord.gateway.ReadyPayloads;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.GuildJson;
import io.tzurot.testkit.discord.json.MessageJson;
import io.tzurot.testkit.discord.rest.RestApi;
import io.tzurot.testkit.discord.rest.RestDeps;
import io.tzurot.testkit.discord.service.InteractionService;
import io.tzurot.testkit.discord.service.MessageService;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local fake of Discord's REST API v10 and gateway (JSON, uncompressed) on 127.0.0.1 that real JDA logs in
 * to. Point JDA at {@link #restBaseUrl()} and {@link #gatewayUrl()} and authenticate with {@link #botToken()};
 * build the world with {@link #world()}, act as users with {@link #users()}, and inspect what the bot did
 * with {@link #botPosts()} and {@link #activity()}.
 */
public final class DiscordSimulator implements AutoCloseable {

    private static final String GATEWAY_PATH = "/gateway";

    private final SimpleOptions options;
    private final SimStore store = new SimStore();
    private final ActivityLog activity = new ActivityLog();
    private final AtomicReference<String> origin = new AtomicReference<>("http://127.0.0.1");
    private final SimUser self;
    private final GatewayHub hub;
    private final SimWorld world;
    private final UserActions users;
    private final InteractionService interactions;
    private final Javalin app;

    private DiscordSimulator(SimpleOptions options) {
        this.options = options;
        this.self = new SimUser(store.nextId(), options.botName(), options.botName(), true);
        store.put(self);
        EntityJson entities = new EntityJson(store, origin::get);
        MessageJson messageJson = new MessageJson(store, entities, self.id());
        GuildJson guildJson = new GuildJson(store, entities);
        this.hub = new GatewayHub(self.id());
        GatewayEvents events = new GatewayEvents(hub, store, entities, messageJson, guildJson, self.id());
        MessageService messages = new MessageService(store, events, activity, self.id());
        this.interactions = new InteractionService(store, entities, messageJson, events, messages, activity,
                self);
        this.world = new SimWorld(store, events, self);
        this.users = new UserActions(store, messages, interactions, events);
        GatewayProtocol protocol = new GatewayProtocol(hub, new ReadyPayloads(store, entities, guildJson, self),
                options.botToken(), options.heartbeatIntervalMillis(), this::gatewayUrl, activity);
        RestApi rest = new RestApi(new RestDeps(store, entities, messageJson, messages, interactions, events,
                activity, self), options.botToken());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // Jetty's default 30 s idle timeout would cut a socket between two 41 s heartbeats.
            config.jetty.modifyWebSocketServletFactory(f -> f.setIdleTimeout(Duration.ofMinutes(10)));
        });
        app.ws(GATEWAY_PATH, new JavalinGateway(protocol)::configure);
        rest.install(app);
    }

    /** Starts on an ephemeral port with a random token and a bot named "Tzurot". */
    public static DiscordSimulator start() {
        return start(SimpleOptions.defaults());
    }

    public static DiscordSimulator start(SimpleOptions options) {
        DiscordSimulator simulator = new DiscordSimulator(options);
        simulator.app.start("127.0.0.1", options.port());
        simulator.origin.set("http://127.0.0.1:" + simulator.app.port());
        return simulator;
    }

    /** For {@code RestConfig#setBaseUrl}: {@code http://127.0.0.1:<port>/api/v10/}. */
    public String restBaseUrl() {
        return origin.get() + RestApi.BASE_PATH;
    }

    /** For a {@code SessionController#getGateway()} override: {@code ws://127.0.0.1:<port>/gateway}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + app.port() + GATEWAY_PATH;
    }

    public int port() {
        return app.port();
    }

    /** The bot token JDA must present; keep it out of logs. */
    public String botToken() {
        return options.botToken();
    }

    public SimUser botUser() {
        return self;
    }

    public SimWorld world() {
        return world;
    }

    public UserActions users() {
        return users;
    }

    public GatewayControl gateway() {
        return new GatewayControl(hub);
    }

    /** Everything the bot did through REST, in order. */
    public List<BotActivity> activity() {
        return activity.all();
    }

    /** Everything the bot did through REST, in order, each with the moment it was recorded. */
    public List<io.tzurot.testkit.discord.activity.ActivityLog.Timed> timedActivity() {
        return activity.timed();
    }

    /** Calls {@code listener} as each later bot action arrives at the REST API (for benchmarks and waits). */
    public void onActivity(java.util.function.Consumer<BotActivity> listener) {
        activity.listen(listener);
    }

    /** Every message the bot posted (as itself or through its webhooks), in order. */
    public List<BotActivity.Posted> botPosts() {
        return activity.posts();
    }

    /** Every message the bot posted in {@code channel} (as itself or through its webhooks), in order. */
    public List<BotActivity.Posted> botPostsIn(SimChannel channel) {
        return activity.posts().stream().filter(p -> p.channelId() == channel.id()).toList();
    }

    /** The current messages of a channel, oldest first (edits applied, deletions gone). */
    /** The reactions on {@code message}, in the order they were added. */
    public List<io.tzurot.testkit.discord.state.SimReactions.Reaction> reactions(SimMessage message) {
        return store.reactions().of(message.id());
    }

    public List<SimMessage> messagesIn(SimChannel channel) {
        List<SimMessage> newestFirst = store.messagesNewestFirst(channel.id());
        return java.util.stream.IntStream.range(0, newestFirst.size())
                .mapToObj(i -> newestFirst.get(newestFirst.size() - 1 - i)).toList();
    }

    public Optional<SimMessage> message(SimChannel channel, long messageId) {
        return store.message(channel.id(), messageId);
    }

    /** The global commands the bot registered, as Discord echoes them (each with an id). */
    public List<com.fasterxml.jackson.databind.JsonNode> registeredCommands() {
        List<com.fasterxml.jackson.databind.JsonNode> result = new java.util.ArrayList<>();
        interactions.registeredCommands().forEach(result::add);
        return result;
    }

    /** The commands the bot registered for {@code guild} only. */
    public List<com.fasterxml.jackson.databind.JsonNode> registeredGuildCommands(SimGuild guild) {
        List<com.fasterxml.jackson.databind.JsonNode> result = new java.util.ArrayList<>();
        interactions.registeredGuildCommands(guild.id()).forEach(result::add);
        return result;
    }

    /** The bot's first answer (callback) to an interaction, once it has answered. */
    public Optional<BotActivity.InteractionAnswered> answer(long interactionId) {
        return activity.all().stream().filter(BotActivity.InteractionAnswered.class::isInstance)
                .map(BotActivity.InteractionAnswered.class::cast)
                .filter(a -> a.interactionId() == interactionId).findFirst();
    }

    /** Every ephemeral message (and each edit of one) the bot sent for an interaction, in order. */
    public List<SimMessage> ephemeralsFor(long interactionId) {
        return activity.all().stream().filter(BotActivity.Ephemeral.class::isInstance)
                .map(BotActivity.Ephemeral.class::cast).filter(e -> e.interactionId() == interactionId)
                .map(BotActivity.Ephemeral::message).toList();
    }

    /** The current state of an ephemeral message, after all of the bot's edits. */
    public Optional<SimMessage> ephemeral(long messageId) {
        return interactions.ephemeral(messageId);
    }

    @Override
    public void close() {
        app.stop();
    }
}
