package io.tzurot.storage.testing;

import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.ServiceTargets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, migrated databases for contract suites: a private in-memory H2, or a new database created on
 * the PostgreSQL server named by {@code TZUROT_TEST_POSTGRES_URL} and dropped again on close, so
 * suites (and concurrent builds) never see each other's rows.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh migrated database of the given dialect; close the handle to drop it. */
    public static TestDatabase open(Dialect dialect) {
        return dialect == Dialect.H2 ? h2() : postgres();
    }

    public static TestDatabase h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        Database db = Database.open(DatabaseSettings.inMemory(name));
        return new TestDatabase(db, () -> {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // the in-memory database is gone either way
            }
        }, null);
    }

    public static TestDatabase postgres() {
        DatabaseSettings server = DatabaseSettings.fromUrl(ServiceTargets.postgresUrl());
        String name = "tz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(server, "CREATE DATABASE " + name);
        String base = server.jdbcUrl();
        int q = base.indexOf('?');
        String query = q < 0 ? "" : base.substring(q);
        String withoutQuery = q < 0 ? base : base.substring(0, q);
        String url = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name + query;
        DatabaseSettings settings = new DatabaseSettings(url, server.username(), server.password(), Dialect.POSTGRESQL, 5);
        Database db = Database.open(settings);
        String processUrl = ServiceTargets.postgresUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new TestDatabase(db, () -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"),
                processUrl);
    }

    private static void execute(DatabaseSettings server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + server.describe() + ": " + e.getMessage(), e);
        }
    }

    /** A test database and how to get rid of it. */
    public static final class TestDatabase implements AutoCloseable {
        private final Database database;
        private final Runnable drop;
        private final String processUrl;

        TestDatabase(Database database, Runnable drop, String processUrl) {
            this.database = database;
            this.drop = drop;
            this.processUrl = processUrl;
        }

        public Database database() {
            return database;
        }

        /** The {@code TZUROT_DATABASE_URL} that gives a process of its own this database (PostgreSQL only). */
        public String processUrl() {
            if (processUrl == null) {
                throw new IllegalStateException("an in-memory database is this process's alone");
            }
            return processUrl;
        }

        @Override
        public void close() {
            try {
                drop.run();
            } finally {
                database.close();
            }
        }
    }
}
