package io.tzurot.app.launch;

import io.tzurot.app.cache.ConfigEpoch;
import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.EncryptionKeySource;
import io.tzurot.app.config.Profile;
import io.tzurot.app.config.Role;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.config.Variable;
import io.tzurot.app.fleet.FleetWiring;
import io.tzurot.app.fleet.QueuedReplyService;
import io.tzurot.app.fleet.ReplyDeltaRelay;
import io.tzurot.app.fleet.ReplyQueues;
import io.tzurot.app.fleet.ReplyWorker;
import io.tzurot.app.logging.LogContext;
import io.tzurot.app.metrics.TzurotMetrics;
import io.tzurot.web.metrics.MetricsRoutes;
import org.slf4j.MDC;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.RetentionWiring;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.db.DatabaseUnavailableException;
import io.tzurot.web.health.HealthReport;
import io.tzurot.web.health.HealthRoutes;
import io.tzurot.web.server.WebServer;
import io.tzurot.web.server.WebServerException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import io.tzurot.app.admin.HeartbeatWriter;
import io.tzurot.app.admin.MeterSummary;
import io.tzurot.core.admin.FleetHeartbeats;
import java.time.Clock;
import java.util.OptionalLong;
import io.javalin.Javalin;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.app.wiring.WebWiring;
import io.tzurot.app.wiring.DiscordWiring;
import io.tzurot.discord.bot.ShardRange;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ReplyStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the requested roles on the configured profile: the one place where modules are wired. */
public final class Launcher {

    /** How long an api or discord client waits for a worker's reply before telling the user to try again. */
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(5);

    private final PrintStream out;

    public Launcher(PrintStream out) {
        this.out = out;
    }

    /**
     * Opens storage, migrates it, starts the roles and prints the start-up summary.
     *
     * @throws ConfigException for anything the operator must fix (exit code 2)
     */
    public RunningTzurot start(TzurotConfig config) {
        return start(config, ShardRange.single());
    }

    /** {@link #start(TzurotConfig)} with the Discord shards this process runs ({@code --shards A-B --shard-total N}). */
    public RunningTzurot start(TzurotConfig config, ShardRange shards) {
        long started = System.nanoTime();
        Database.warmUp(); // Flyway's start-up work overlaps with opening the database
        checkRolesFitProfile(config);
        io.tzurot.app.logging.JsonLineLayout.processRoles(String.join(",", config.roles().stream().map(Role::label).toList()));
        ensureDataDir(config);
        EncryptionKeySource.MasterKey key = EncryptionKeySource.resolve(config);
        Clock clock = Clock.systemUTC();
        WebWiring web = config.roles().contains(Role.API) ? new WebWiring(config, Version.current(), key.bytes(), clock) : null;
        // Model clients, the HTTP server and the database start side by side; /health says "starting" until all are up.
        CompletableFuture<ModelComponents> modelsReady = CompletableFuture.supplyAsync(
                () -> ModelComponents.real(config.llmBaseUrl().toString(), config.discordRestUrl(), config.llmTimeout()));
        CompletableFuture<TzurotMetrics> metricsReady = CompletableFuture.supplyAsync(() -> new TzurotMetrics(
                String.join(",", config.roles().stream().map(Role::label).toList()), clock));
        // Redis's connections are made while the database opens: neither needs the other (0.2-0.5 s of a start)
        CompletableFuture<Messaging> messagingStarted = CompletableFuture.supplyAsync(() -> FleetWiring.messaging(config));
        AtomicReference<Database> ready = new AtomicReference<>();
        AtomicReference<Messaging> messagingReady = new AtomicReference<>();
        CompletableFuture<WebServer> http = web != null
                ? startHttpInBackground(config, ready, messagingReady, withMetrics(web.routes(), metricsReady))
                : CompletableFuture.completedFuture(null);
        Database database;
        try {
            database = openDatabaseIn(config);
        } catch (RuntimeException e) {
            http.thenAccept(server -> {
                if (server != null) {
                    server.close();
                }
            });
            messagingStarted.thenAccept(Messaging::close);
            throw e;
        }
        RunningTzurot running = new RunningTzurot(config, database);
        try {
            TzurotMetrics metrics = join(metricsReady);
            running.own(metrics);
            running.metrics(metrics);
            Messaging messaging = join(messagingStarted);
            running.own(messaging);
            // Every role reads and writes through the same caches; writes announce themselves to every process.
            ConfigEpoch epoch = ConfigEpoch.of(messaging);
            running.own(heartbeat(config, messaging, clock)); // closed before messaging: the beat is removed first
            Repositories repos = Repositories.of(database, clock).cached(messaging.events(), epoch, metrics.caches());
            running.repositories(repos);
            metrics.watchQueue(ReplyQueues.QUEUE, ReplyQueues.queue(messaging));
            ModelComponents models = metrics.instrument(join(modelsReady), config.llmBaseUrl().toString());
            running.own(ModelComponents::settle); // closed after the engine: no exit mid model load
            startReplies(config, running, messaging, epoch, repos, models, key, clock, metrics);
            ReplyService replies = running.replies().orElse(null);
            if (config.roles().contains(Role.DISCORD)) {
                DiscordWiring.start(config, repos, models, key.bytes(), replies, shards,
                        messaging.keys(), messaging.events(), clock, new MeterSummary(metrics.registry())).ifPresent(bot -> {
                    running.own(bot);
                    running.discordShards(bot.shards().size());
                    metrics.watchDiscord(bot);
                });
            }
            if (web == null) {
                ManagementPort.start(config, metrics, database).ifPresent(server -> {
                    running.own(server);
                    running.managementPort(server.port());
                });
            }
            WebServer server = join(http);
            if (server != null) {
                web.metrics(new MeterSummary(metrics.registry()));
                running.own(server);
                running.httpPort(server.port());
                running.loginLink(web.ready(repos, replies, models.embeddings(), messaging.keys(),
                        messaging.events(), server.port()));
                if (replies != null) {
                    web.swipes(io.tzurot.app.wiring.SwipeWiring.actions(repos, models, replies, clock));
                }
            }
            messagingReady.set(messaging);
            ready.set(database);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        new StartupSummary(out).print(config, running, key, (System.nanoTime() - started) / 1_000_000);
        // Healthy now; what only the first reply needs loads after that instead of competing with start-up for CPU.
        io.tzurot.ai.token.TiktokenCounter.preloadInBackground();
        return running;
    }

    /**
     * Wires reply jobs: a worker role consumes the {@code replies} queue with the engine; api and discord roles get a
     * client that submits to it. Embedded, both sides share the in-process queue. Owned in this order so that
     * shutdown stops the worker first (finishing or releasing its jobs), then waits for the engine's memory writes,
     * then closes messaging.
     */
    private static void startReplies(TzurotConfig config, RunningTzurot running, Messaging messaging, ConfigEpoch epoch,
                                     Repositories repos, ModelComponents models, EncryptionKeySource.MasterKey key,
                                     Clock clock, TzurotMetrics metrics) {
        if (config.roles().contains(Role.WORKER)) {
            ReplyEngine engine = new ReplyEngine(repos, models, key.bytes(), ReplyEngine.Settings.of(config), clock,
                    metrics.replies(), java.util.Optional.of(new io.tzurot.core.memory.IncognitoSessions(
                            messaging.keys(), clock)),
                    java.util.Optional.of(new io.tzurot.storage.usage.JdbiUsageLogRepository(repos.database())));
            running.own(engine);
            running.own(RetentionWiring.start(RetentionWiring.sweeps(config, repos, io.tzurot.app.wiring.SummaryWiring
                    .sweeps(config, repos, models, key.bytes(), messaging.keys(), clock)), messaging.keys(), clock,
                    FleetWiring.consumerName("worker")));
            engine.resumePendingMemories();
            ReplyDeltaRelay deltas = ReplyQueues.deltas(messaging);
            running.own(deltas);
            ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging),
                    new ReplyService() {
                        @Override
                        public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
                            return reply(request, ReplyStream.NONE);
                        }

                        @Override
                        public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
                            metrics.jobTaken(request.receivedAt());
                            epoch.sync(); // edits made before this job was submitted are seen, whatever the events do
                            // the engine carries this into every line it writes for the reply, with the request id
                            MDC.put(LogContext.ROLE, Role.WORKER.label());
                            try {
                                return engine.service().reply(request, stream);
                            } finally {
                                MDC.remove(LogContext.ROLE);
                            }
                        }
                    }, FleetWiring.consumerName("worker"), config.workerSlots(), running.database()::isUp, deltas);
            running.own(worker);
            running.worker(worker);
        }
        if (config.roles().contains(Role.API) || config.roles().contains(Role.DISCORD)) {
            String kind = config.roles().contains(Role.DISCORD) ? "discord" : "api";
            QueuedReplyService replies = new QueuedReplyService(messaging, kind, REPLY_TIMEOUT);
            running.own(replies);
            running.replies(replies);
        }
    }

    /** This process's heartbeat for {@code /admin health}; a worker reports the reply queue's backlog as its lag. */
    private static HeartbeatWriter heartbeat(TzurotConfig config, Messaging messaging, Clock clock) {
        boolean worker = config.roles().contains(Role.WORKER);
        return HeartbeatWriter.start(new FleetHeartbeats(messaging.keys()), FleetWiring.consumerName("tzurot"),
                String.join(",", config.roles().stream().map(Role::label).toList()), Version.current(),
                () -> worker ? OptionalLong.of(ReplyQueues.queue(messaging).stats().pending()) : OptionalLong.empty(),
                clock);
    }

    /** Applies pending migrations and returns how many ran. */
    public int migrate(TzurotConfig config) {
        ensureDataDir(config);
        try (Database database = Database.connect(settings(config))) {
            int applied = database.migrate();
            DataDirPermissions.tightenNewFiles(config.dataDir());
            return applied;
        } catch (DatabaseUnavailableException e) {
            throw new ConfigException(databaseVariable(config) + ": " + e.getMessage());
        }
    }

    static DatabaseSettings settings(TzurotConfig config) {
        return config.database().orElseGet(() -> DatabaseSettings.embedded(config.dataDir()));
    }

    private static void checkRolesFitProfile(TzurotConfig config) {
        boolean allRoles = config.roles().containsAll(EnumSet.allOf(Role.class));
        if (!allRoles && config.profile() != Profile.DISTRIBUTED) {
            throw new ConfigException("TZUROT_ROLES=" + String.join(",", config.roles().stream().map(Role::label).toList())
                    + " is invalid here: a partial role set needs TZUROT_DATABASE_URL (PostgreSQL) and TZUROT_REDIS_URL so that"
                    + " the other roles can run elsewhere; the " + config.profile().label() + " profile runs all roles in one process");
        }
        if (!allRoles && config.database().map(d -> d.dialect() != io.tzurot.storage.db.Dialect.POSTGRESQL).orElse(true)) {
            throw new ConfigException("TZUROT_DATABASE_URL must point at PostgreSQL when roles run in separate processes");
        }
    }

    private static void ensureDataDir(TzurotConfig config) {
        DataDirPermissions.secure(config.dataDir());
        if (!Files.isWritable(config.dataDir())) {
            throw new ConfigException("TZUROT_DATA_DIR=" + config.dataDir() + " is invalid: the directory is not writable");
        }
    }

    /** Opens and migrates the configured database; ConfigException (exit 2) when it cannot. */
    public static Database openDatabase(TzurotConfig config) {
        ensureDataDir(config);
        return openDatabaseIn(config);
    }

    private static Database openDatabaseIn(TzurotConfig config) {
        try {
            Database database = Database.open(settings(config));
            DataDirPermissions.tightenNewFiles(config.dataDir()); // the embedded database's files, just created
            return database;
        } catch (DatabaseUnavailableException e) {
            String message = e.getMessage();
            if (config.database().isEmpty() && message.contains("already in use")) {
                message = "the embedded database in " + config.dataDir() + " is in use by another tzurot process";
            }
            throw new ConfigException(databaseVariable(config) + ": " + message);
        }
    }

    private static String databaseVariable(TzurotConfig config) {
        return config.database().isPresent() ? Variable.TZUROT_DATABASE_URL.name() : Variable.TZUROT_DATA_DIR.name();
    }

    /** The engine settings a configuration implies (provider, default model, owner). */
    private static CompletableFuture<WebServer> startHttpInBackground(TzurotConfig config, AtomicReference<Database> ready,
                                                                      AtomicReference<Messaging> messaging,
                                                                      List<Consumer<Javalin>> features) {
        CompletableFuture<WebServer> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                future.complete(startHttp(config, ready, messaging, features));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "tzurot-http-start");
        starter.setDaemon(true);
        starter.start();
        return future;
    }

    private static WebServer startHttp(TzurotConfig config, AtomicReference<Database> ready,
                                       AtomicReference<Messaging> messaging, List<Consumer<Javalin>> features) {
        String profile = config.profile().label();
        HealthRoutes health = new HealthRoutes(() -> {
            Database db = ready.get();
            Messaging m = messaging.get();
            if (db == null || m == null) {
                return HealthReport.starting(Version.current(), profile);
            }
            return m.distributed() ? HealthReport.of(Version.current(), profile, db.isUp(), m.healthy())
                    : HealthReport.of(Version.current(), profile, db.isUp());
        });
        try {
            List<Consumer<Javalin>> routes = new java.util.ArrayList<>();
            routes.add(health::register);
            routes.addAll(features);
            return WebServer.start(config.httpHost(), config.httpPort(), routes, io.tzurot.web.console.ErrorPages.HTML);
        } catch (WebServerException e) {
            throw new ConfigException("TZUROT_HTTP_PORT=" + config.httpPort() + " (TZUROT_HTTP_HOST=" + config.httpHost()
                    + ") is invalid: " + e.getMessage());
        }
    }

    /** The api role's routes plus {@code /metrics}, which answers once the registry exists (it starts alongside). */
    private static List<Consumer<Javalin>> withMetrics(List<Consumer<Javalin>> routes,
                                                       CompletableFuture<TzurotMetrics> metrics) {
        List<Consumer<Javalin>> all = new java.util.ArrayList<>(routes);
        all.add(new MetricsRoutes(() -> metrics.join().scrape(), TzurotMetrics.CONTENT_TYPE)::register);
        return all;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
