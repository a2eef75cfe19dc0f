package io.tzurot.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * An open, migrated database: the connection pool, the Flyway migrations for its dialect, and the
 * {@link Jdbi} handle every repository uses.
 */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private CompletableFuture<Boolean> probe;

    private static final Duration PROBE_WAIT = Duration.ofMillis(1200);
    private static final Executor PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tzurot-db-probe");
        t.setDaemon(true);
        return t;
    });

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        JdbiSetup.configure(jdbi, settings.dialect());
    }

    /**
     * Connects, failing fast when the database cannot be reached.
     *
     * @throws DatabaseUnavailableException with a one-line reason
     */
    public static Database connect(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setPoolName("tzurot-db");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + settings.describe() + ": " + rootMessage(e), e);
        }
    }

    /**
     * Loads and initialises Flyway's machinery (its plugin registry, configuration and parser classes: about a third
     * of a cold start's migration time) on a background thread, so that it overlaps with opening the database rather
     * than following it. Call it as early as possible; calling it again does nothing.
     */
    public static void warmUp() {
        if (WARMED.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    Flyway.configure().locations("classpath:db/migration/common").failOnMissingLocations(false);
                } catch (RuntimeException | LinkageError e) {
                    // only a head start: migrate() does the same work (and reports any problem) when it runs
                }
            }, "tzurot-flyway-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Connects and applies every pending migration. */
    public static Database open(DatabaseSettings settings) {
        Database db = connect(settings);
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Applies pending migrations; returns how many were applied. */
    public int migrate() {
        Dialect dialect = settings.dialect();
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.flywayFolder())
                .resourceProvider(IndexedMigrations.of(dialect.flywayFolder()))
                .javaMigrationClassProvider(IndexedMigrations.noJavaMigrations())
                .placeholders(dialect.placeholders())
                .failOnMissingLocations(false)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("migration of " + settings.describe() + " failed: " + rootMessage(e), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /**
     * True when a connection can be taken and validated within about a second. Bounded even while the server is away:
     * the pool would wait its whole connection timeout for a connection, so the probe runs on a thread of its own and
     * the answer is "down" once the second has passed (a probe still waiting is shared by the next callers).
     */
    public boolean isUp() {
        CompletableFuture<Boolean> probe;
        synchronized (this) {
            probe = this.probe;
            if (probe == null || probe.isDone()) {
                probe = CompletableFuture.supplyAsync(this::probeConnection, PROBES);
                this.probe = probe;
            }
        }
        try {
            return probe.get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private boolean probeConnection() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.lines().findFirst().orElse(msg).trim();
    }
}
