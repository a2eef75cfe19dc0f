package io.tzurot.discord.bot;

import io.tzurot.core.discord.MentionParser;
import io.tzurot.core.swipe.SwipeActions;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.discord.command.CommandRegistrar;
import io.tzurot.discord.command.CommandRouter;
import io.tzurot.discord.context.ExtendedContext;
import io.tzurot.discord.context.RecentMessages;
import io.tzurot.discord.context.ReferenceCollector;
import io.tzurot.discord.context.RequestFactory;
import io.tzurot.discord.context.Stickers;
import io.tzurot.discord.delivery.ChannelQueue;
import io.tzurot.discord.delivery.Delays;
import io.tzurot.discord.delivery.ReplyEditor;
import io.tzurot.discord.delivery.ReplyPoster;
import io.tzurot.discord.delivery.Typing;
import io.tzurot.discord.proxy.PluralKitProxies;
import io.tzurot.discord.proxy.PluralKitSettings;
import io.tzurot.discord.scene.ChainCounts;
import io.tzurot.discord.scene.SceneChains;
import io.tzurot.discord.swipe.ReplyReactions;
import io.tzurot.discord.trigger.DenylistGate;
import io.tzurot.discord.trigger.TriggerResolver;
import io.tzurot.discord.trigger.VerificationPrompts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: one JDA connection per shard of this process, answering messages as the platform's
 * characters. {@link #start()} logs in and waits until every shard is ready; {@link #stop()} delivers what
 * is queued, then disconnects.
 */
public final class DiscordBot implements AutoCloseable {

    /**
     * The reference's intents, and the reactions that regenerate, swipe and delete replies; GUILDS is always on in JDA.
     * GUILD_MEMBERS and MESSAGE_CONTENT are privileged.
     */
    public static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_WEBHOOKS, GatewayIntent.DIRECT_MESSAGES,
            GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGE_REACTIONS);

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private final DiscordSettings settings;
    private final DiscordServices services;
    private final List<JDA> shards = new ArrayList<>();
    private ExecutorService workers;
    private ExecutorService commandWorkers;
    private ScheduledExecutorService scheduler;
    private ChannelQueue queue;
    private RecentMessages recent;
    /** Set only where a test times the ten-minute rules by hand; otherwise the bot's scheduler. */
    private final Delays injectedDelays;
    private Delays delays;
    private Optional<PluralKitSettings> pluralKit = Optional.empty();
    private Optional<PluralKitProxies> proxies = Optional.empty();
    private Optional<SwipeActions> swipes = Optional.empty();

    public DiscordBot(DiscordSettings settings, DiscordServices services) {
        this(settings, services, null);
    }

    /** A bot whose slow-reply notice and ordering escape hatch are timed by {@code delays}. */
    public DiscordBot(DiscordSettings settings, DiscordServices services, Delays delays) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.services = Objects.requireNonNull(services, "services");
        this.injectedDelays = delays;
    }

    /** Answers PluralKit's reposts as their human authors' ({@code TZUROT_PLURALKIT}); call before {@link #start}. */
    public synchronized DiscordBot withPluralKit(PluralKitSettings settings) {
        this.pluralKit = Optional.of(settings);
        return this;
    }

    /** Regenerates, swipes and deletes replies on reactions (🔄 ◀ ▶ 🗑); call before {@link #start}. */
    public synchronized DiscordBot withSwipes(SwipeActions actions) {
        this.swipes = Optional.of(actions);
        return this;
    }

    /**
     * Logs in every shard and waits until they are ready.
     *
     * @throws DiscordLoginException when the token is rejected or the gateway cannot be reached
     */
    public synchronized void start() {
        if (!shards.isEmpty()) {
            throw new IllegalStateException("the bot is already running");
        }
        workers = Executors.newFixedThreadPool(4, daemon("tzurot-discord-worker"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("tzurot-discord-typing"));
        delays = injectedDelays != null ? injectedDelays : Delays.on(scheduler);
        queue = new ChannelQueue(delays, ChannelQueue.ESCAPE_HATCH);
        recent = new RecentMessages(services.clock());
        proxies = pluralKit.map(p -> new PluralKitProxies(p, delays));
        MessageHandler handler = handler();
        // the scenes' loop guard counts in the shared key store, which comes with the commands' services
        Optional<SceneChains> chains = services.commands().map(c -> new SceneChains(services.channels(),
                services.personalities(), services.users(), services.delivered(), services.speakers(),
                new ChainCounts(c.keys()), queue, handler::chat, workers));
        // commands get their own threads, so a busy reply engine never delays an interaction's deferral
        commandWorkers = Executors.newFixedThreadPool(4, daemon("tzurot-discord-command"));
        Optional<CommandRouter> router = services.commands().map(c -> BotCommands.router(services, c, settings, handler,
                commandWorkers, scheduler, () -> List.copyOf(shards)));
        SessionControllerAdapter sessions = sessionController();
        try {
            for (int shard : settings.shards().ids().toArray()) {
                JDABuilder builder = JDABuilder.create(settings.token(), INTENTS)
                        .disableCache(CacheFlag.VOICE_STATE, CacheFlag.EMOJI, CacheFlag.STICKER,
                                CacheFlag.SCHEDULED_EVENTS, CacheFlag.ACTIVITY, CacheFlag.CLIENT_STATUS,
                                CacheFlag.ONLINE_STATUS)
                        .setCompression(Compression.NONE)
                        .setSessionController(sessions)
                        .addEventListeners(new MessageIntake(proxies, handler::enqueue), recent, new GuildDenials(denylistGate(), workers));
                services.history().ifPresent(h -> builder.addEventListeners(new HistorySync(h, services.clock())));
                router.ifPresent(builder::addEventListeners);
                chains.ifPresent(builder::addEventListeners);
                proxies.ifPresent(builder::addEventListeners);
                swipes.ifPresent(actions -> builder.addEventListeners(new ReplyReactions(actions,
                        new ReplyEditor(services.delivered(), avatarUrls(), workers), services.personalities(), workers)));
                settings.restBaseForJda().ifPresent(base -> builder.setRestConfig(new RestConfig().setBaseUrl(base)));
                if (settings.shards().sharded()) {
                    builder.useSharding(shard, settings.shards().total());
                }
                shards.add(builder.build());
            }
            for (JDA jda : shards) {
                jda.awaitReady();
            }
            if (router.isPresent()) {
                register(router.get());
            }
            restorePresence();
            LOG.info("Discord bot ready as {} on shards {}", shards.get(0).getSelfUser().getName(), settings.shards());
        } catch (InvalidTokenException e) {
            stop();
            throw new DiscordLoginException("Discord rejected the bot token (DISCORD_TOKEN); check that it is current", e);
        } catch (IllegalStateException e) {
            stop();
            throw new DiscordLoginException("could not log in to the Discord gateway: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new DiscordLoginException("interrupted while logging in to Discord", e);
        }
    }

    /** Shows the presence {@code /admin presence} last set (kept in the key store), as every start should. */
    private void restorePresence() {
        try {
            services.commands().flatMap(CommandServices::admin).flatMap(a -> a.presence().current())
                    .ifPresent(p -> io.tzurot.discord.admin.PresenceApplier.apply(shards, p));
        } catch (RuntimeException e) {
            LOG.warn("the stored presence was not restored: {}", e.toString()); // never stops the bot starting
        }
    }

    private void register(CommandRouter router) {
        try {
            CommandRegistrar.register(shards, settings.commandsGuildId(), router);
        } catch (IllegalStateException e) {
            stop();
            throw new DiscordLoginException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // the bot still answers messages; commands come back at the next start
            LOG.error("registering the slash commands failed", e);
        }
    }

    /** Delivers what is already queued (for a bounded time), then disconnects every shard. Idempotent. */
    public synchronized void stop() {
        try {
            if (queue != null && !queue.drain(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("some replies were still being prepared when the bot stopped");
            }
            for (JDA jda : shards) {
                jda.shutdown();
            }
            for (JDA jda : shards) {
                if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                    jda.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shards.forEach(JDA::shutdownNow);
        } finally {
            shards.clear();
            if (workers != null) {
                workers.shutdownNow();
                scheduler.shutdownNow();
            }
            if (commandWorkers != null) {
                commandWorkers.shutdownNow();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The running shards' JDA clients (for slash-command registration and dashboards). */
    public synchronized List<JDA> shards() {
        return List.copyOf(shards);
    }

    private DenylistGate denylistGate() {
        return new DenylistGate(services.denylist(), services.clock(), settings.botOwnerId());
    }

    private MessageHandler handler() {
        DenylistGate denylist = denylistGate();
        TriggerResolver triggers = new TriggerResolver(services.triggerServices(), denylist,
                services.speaking().map(SpeakingServices::places),
                new GetOrCreateUser(services.users(), settings.botOwnerId().orElse(null)),
                new MentionParser(settings.mentionChar()));
        ReplyPoster poster = new ReplyPoster(services.delivered(), avatarUrls(), workers);
        Stickers stickers = new Stickers();
        ExtendedContext extended = new ExtendedContext(recent, (trigger, authorId) -> denylist.blocks(authorId,
                trigger.isFromGuild() ? trigger.getGuild().getId() : null, trigger.getChannel().getId(),
                trigger.getChannel() instanceof ThreadChannel thread ? thread.getParentChannel().getId() : null),
                stickers);
        return new MessageHandler(services, triggers, new RequestFactory(new ReferenceCollector(),
                id -> services.users().findByDiscordId(id).isPresent(), extended, stickers), poster, queue,
                new Typing(scheduler), workers, delays,
                new VerificationPrompts(services.commands().map(CommandServices::keys)));
    }

    /**
     * A character's avatar URL, asked here, not taken from the card (the engine does not read avatars); the character's
     * updated_at moves with its avatar, so it versions the URL.
     */
    private java.util.function.Function<io.tzurot.core.reply.ReplyOutcome.PersonalityCard, Optional<String>> avatarUrls() {
        return card -> card.hasAvatar() || services.personalities().hasAvatar(card.id()) ? settings.avatarUrl(card.slug(),
                services.personalities().findById(card.id()).map(p -> p.updatedAt())) : Optional.empty();
    }

    private SessionControllerAdapter sessionController() {
        if (settings.gatewayUrl().isEmpty()) {
            return new SessionControllerAdapter();
        }
        String gateway = settings.gatewayUrl().get().toString();
        return new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return gateway;
            }
        };
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
