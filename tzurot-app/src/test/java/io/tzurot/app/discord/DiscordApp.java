package io.tzurot.app.discord;

import io.tzurot.testkit.logs.SecretLogScan;
import static org.awaitility.Awaitility.await;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeModelServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole product against a Discord simulator and a fake model server: {@code ./tzurot start} (every role,
 * embedded profile) configured only through the contract's variables. Shared by the Discord end-to-end tests
 * and the Discord benchmark.
 */
public final class DiscordApp implements AutoCloseable {

    /** The operator's provider key in these tests; the log scan looks for it. */
    public static final String LLM_KEY = "sk-test-discord-app-operator";

    /** Only guards against a hang; tests assert on outcomes, never on how fast they arrive. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OWNER_ID = "900000000000000001";

    public final DiscordSimulator simulator;
    public final FakeModelServer model;
    public final RunningTzurot running;
    public final Repositories repos;

    private DiscordApp(DiscordSimulator simulator, FakeModelServer model, RunningTzurot running) {
        this.simulator = simulator;
        this.model = model;
        this.running = running;
        // the app's own cached repositories: a test's writes announce themselves, so the app's caches see them
        this.repos = running.repositories();
        // these tests send bursts (fifty questions at once) to test other things; the limits themselves are tested
        // in MessageGuardsTest and CommandRateLimitTest. Set before the first message, when the app first reads them.
        new io.tzurot.storage.limits.JdbiRateLimitsRepository(running.database().jdbi(), repos.adminSettings(),
                Clock.systemUTC()).set(new io.tzurot.core.limits.RateLimits(1000, 6000, 1000, 6000, 1000), null);
    }

    /** Starts the simulator, the model server and the app in {@code dir}, with {@code extraEnv} on top. */
    public static DiscordApp start(Path dir, Map<String, String> extraEnv) {
        DiscordSimulator simulator = DiscordSimulator.start();
        FakeModelServer model = FakeModelServer.start();
        try {
            RunningTzurot running = launcher().start(config(dir, simulator, model, simulator.botToken(), extraEnv));
            return new DiscordApp(simulator, model, running);
        } catch (RuntimeException e) {
            model.close();
            simulator.close();
            throw e;
        }
    }

    /** A launcher whose start-up summary goes nowhere. */
    public static Launcher launcher() {
        return new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The configuration the contract names: the Discord token and endpoints, the model provider, the data dir. */
    public static TzurotConfig config(Path dir, DiscordSimulator simulator, FakeModelServer model, String token,
                                      Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("DISCORD_TOKEN", token);
        env.put("DISCORD_REST_URL", simulator.restBaseUrl());
        env.put("DISCORD_GATEWAY_URL", simulator.gatewayUrl());
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", LLM_KEY);
        env.putAll(extraEnv);
        SecretLogScan.secret(token);
        SecretLogScan.secret(LLM_KEY);
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    /** A public character owned by the operator. */
    public Personality character(String name, String slug) {
        return character(repos, name, slug);
    }

    /** A public character owned by the operator, in {@code repos} (also for a bench without the whole app). */
    public static Personality character(Repositories repos, String name, String slug) {
        User owner = repos.users().getOrCreate(new DiscordUserProfile(OWNER_ID, "owner", null, null, false), false);
        return repos.personalities().create(owner.id(), PersonalityDraft.of(name, slug, name + " is a librarian.", "kind")
                .withPublic(true));
    }

    /** A stored user who has already passed NSFW verification. */
    public User verified(SimUser user) {
        return verified(repos, user);
    }

    public static User verified(Repositories repos, SimUser user) {
        User stored = repos.users().getOrCreate(new DiscordUserProfile(Long.toString(user.id()), user.username(), null,
                null, false), false);
        repos.users().setNsfwVerified(stored.id(), true);
        return stored;
    }

    public List<BotActivity.Posted> postsIn(SimChannel channel) {
        return simulator.botPostsIn(channel);
    }

    /** Waits until the bot has posted at least {@code count} messages in the channel. */
    public List<BotActivity.Posted> awaitPosts(SimChannel channel, int count) {
        return await().atMost(PATIENCE).until(() -> postsIn(channel), posts -> posts.size() >= count);
    }

    @Override
    public void close() {
        try {
            running.close();
        } finally {
            model.close();
            simulator.close();
        }
    }
}
