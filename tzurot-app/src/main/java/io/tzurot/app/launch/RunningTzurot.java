package io.tzurot.app.launch;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.fleet.ReplyWorker;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.storage.db.Database;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started process: what it opened, closed in reverse order exactly once. */
public final class RunningTzurot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningTzurot.class);

    private final TzurotConfig config;
    private final Database database;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private Integer httpPort;
    private Integer managementPort;
    private io.tzurot.app.metrics.TzurotMetrics metrics;
    private String loginLink;
    private int discordShards;
    private ReplyWorker worker;
    private ReplyService replies;
    private io.tzurot.app.wiring.Repositories repositories;

    RunningTzurot(TzurotConfig config, Database database) {
        this.config = config;
        this.database = database;
        resources.push(database);
    }

    void own(AutoCloseable resource) {
        resources.push(resource);
    }

    void httpPort(int port) {
        this.httpPort = port;
    }

    void discordShards(int count) {
        this.discordShards = count;
    }

    /** How many Discord shards this process has logged in (0 without the discord role or a token). */
    public int discordShards() {
        return discordShards;
    }

    void loginLink(String link) {
        this.loginLink = link;
    }

    /** The operator's one-time console sign-in link, when the api role runs. */
    public Optional<String> loginLink() {
        return Optional.ofNullable(loginLink);
    }

    void worker(ReplyWorker worker) {
        this.worker = worker;
    }

    void replies(ReplyService replies) {
        this.replies = replies;
    }

    void repositories(io.tzurot.app.wiring.Repositories repositories) {
        this.repositories = repositories;
    }

    /**
     * The process's own repositories, read through its caches: a write through them announces itself as the
     * process's own writes do, so every cache of the fleet sees it (tools and tests that change rows under a running
     * process use these, not uncached ones).
     */
    public io.tzurot.app.wiring.Repositories repositories() {
        return java.util.Objects.requireNonNull(repositories, "repositories are set once the process has started");
    }

    /** The reply worker when the worker role runs. */
    public Optional<ReplyWorker> worker() {
        return Optional.ofNullable(worker);
    }

    /** Where the api and discord roles send reply requests: through the {@code replies} queue to a worker. */
    public Optional<ReplyService> replies() {
        return Optional.ofNullable(replies);
    }

    public TzurotConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    /** The bound HTTP port when the api role runs. */
    public Optional<Integer> httpPort() {
        return Optional.ofNullable(httpPort);
    }

    void managementPort(int port) {
        this.managementPort = port;
    }

    /** The bound management port ({@code /metrics}, {@code /health}) of a process without the api role. */
    public Optional<Integer> managementPort() {
        return Optional.ofNullable(managementPort);
    }

    void metrics(io.tzurot.app.metrics.TzurotMetrics metrics) {
        this.metrics = metrics;
    }

    /** The process's metrics registry (served at {@code /metrics}). */
    public io.tzurot.app.metrics.TzurotMetrics metrics() {
        return metrics;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", r.getClass().getSimpleName(), e.getMessage());
            }
        }
        closed.countDown();
    }
}
