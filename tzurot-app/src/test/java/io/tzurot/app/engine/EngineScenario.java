package io.tzurot.app.engine;

import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A scenario with one engine on its own fresh database for all its tests; run per dialect by nested classes. */
abstract class EngineScenario extends DatabaseContract {

    EngineFixture fixture;

    EngineScenario(Dialect dialect) {
        super(dialect);
    }

    @BeforeAll
    final void startEngine() {
        fixture = new EngineFixture(database());
    }

    @AfterAll
    final void stopEngine() {
        // Null when the database could not be opened (PostgreSQL not configured: the suite is skipped).
        if (fixture != null) {
            fixture.close();
        }
    }
}
