package io.tzurot.app.launch;

import io.tzurot.app.config.EncryptionKeySource;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.fleet.FleetWiring;
import io.tzurot.app.wiring.CardWiring;
import io.tzurot.app.wiring.ManagementWiring;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.app.wiring.UserDataWiring;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.OperatorLogin;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.diagnostics.JsonFlightRecorder;
import java.time.Clock;
import java.util.Optional;

/**
 * The configured database, opened and migrated for one CLI command, with what the commands need from it as
 * core types, so command code never touches storage. Writes can be announced on the fleet's event bus
 * (Redis when configured) so running processes drop what they cached.
 */
public final class CliStorage implements AutoCloseable {

    private final TzurotConfig config;
    private final Database database;
    private final Messaging messaging;
    private final Repositories repositories;

    private CliStorage(TzurotConfig config, Database database, Messaging messaging) {
        this.config = config;
        this.database = database;
        this.messaging = messaging;
        this.repositories = messaging == null ? Repositories.of(database, Clock.systemUTC())
                : Repositories.of(database, Clock.systemUTC(), messaging);
    }

    /** Opens the database; ConfigException (exit 2) when it cannot. */
    public static CliStorage open(TzurotConfig config) {
        return new CliStorage(config, Launcher.openDatabase(config), null);
    }

    /** Opens the database and the fleet's messaging, announcing writes to running processes. */
    public static CliStorage openAnnouncingChanges(TzurotConfig config) {
        Database database = Launcher.openDatabase(config);
        try {
            return new CliStorage(config, database, FleetWiring.messaging(config));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Every repository, as core ports. */
    public Repositories repositories() {
        return repositories;
    }

    /** The character and lorebook import/export use cases. */
    public io.tzurot.core.card.CardUseCases cards() {
        return io.tzurot.app.wiring.CardWiring.useCases(repositories, management(), Clock.systemUTC());
    }

    /** The shapes.inc import, reading from {@code TZUROT_SHAPES_BASE_URL}. */
    public io.tzurot.core.shapes.ImportingShapes shapes() {
        ManagementUseCases management = management();
        return io.tzurot.app.wiring.ShapesWiring.useCase(repositories, management,
                CardWiring.useCases(repositories, management, Clock.systemUTC()), config.shapesBaseUrl(), Clock.systemUTC());
    }

    /** The management use cases every face calls (provider keys encrypted with the configured key). */
    public ManagementUseCases management() {
        return ManagementWiring.useCases(repositories, config, EncryptionKeySource.resolve(config).bytes());
    }

    /**
     * The user-data use cases, building exports in the calling thread (the command waits for them) and announcing
     * erasures to running processes; opened with {@link #openAnnouncingChanges}.
     */
    public UserDataUseCases userData() {
        if (messaging == null) {
            throw new IllegalStateException("user data commands must announce their changes: use openAnnouncingChanges");
        }
        return UserDataWiring.useCases(repositories, CardWiring.useCases(repositories, management(), Clock.systemUTC()),
                messaging.events(), Runnable::run, Clock.systemUTC());
    }

    /** API tokens and login links, with the configured bot owner. */
    public AccessServices access() {
        return AccessServices.create(new JdbiAccessRepository(database.jdbi()), Clock.systemUTC(),
                config.botOwnerId().orElse(OperatorLogin.LOCAL_OPERATOR_DISCORD_ID));
    }

    /** A reply engine in this process over this database. */
    public ReplyEngine engine() {
        return FleetWiring.engine(config, database, EncryptionKeySource.resolve(config).bytes());
    }

    /** The diagnostic record of a reply, as JSON, if it has been written. */
    public Optional<String> diagnosticJson(String requestId) {
        return new JsonFlightRecorder(repositories.diagnostics(), Clock.systemUTC()).findJson(requestId);
    }

    @Override
    public void close() {
        try {
            if (messaging != null) {
                messaging.close();
            }
        } finally {
            database.close();
        }
    }
}
