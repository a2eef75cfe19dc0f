package io.tzurot.storage.testing;

import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every repository contract suite. A suite is written once as an abstract subclass and run
 * on both databases through two {@code @Nested} classes, one per {@link Dialect}:
 *
 * <pre>{@code
 * class PersonaRepositoryTest {
 *     @Nested class OnH2 extends PersonaRepositoryContract { OnH2() { super(Dialect.H2); } }
 *     @Nested class OnPostgres extends PersonaRepositoryContract { OnPostgres() { super(Dialect.POSTGRESQL); } }
 * }
 * }</pre>
 * Each suite gets its own fresh database for all its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseContract {

    private final Dialect dialect;
    private TestDatabases.TestDatabase testDatabase;

    protected DatabaseContract(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    final void openDatabase() {
        testDatabase = TestDatabases.open(dialect);
    }

    @AfterAll
    final void dropDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    protected final Database database() {
        return testDatabase.database();
    }

    protected final Dialect dialect() {
        return dialect;
    }
}
