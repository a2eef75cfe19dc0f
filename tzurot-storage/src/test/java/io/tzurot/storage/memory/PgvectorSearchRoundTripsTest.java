package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the pgvector search asks the database per reply: a proven "there are memories" is not asked again, and the
 * HNSW settings are sent only when a connection does not have them yet. Every answer stays the same.
 */
class PgvectorSearchRoundTripsTest extends DatabaseContract {

    private static final Instant T0 = Instant.parse("2026-04-01T12:00:00Z");

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private JdbiMemoryRepository repo;
    private PgvectorMemorySearch search;
    private TestRows.Owner owner;
    private PersonalityScope scope;

    PgvectorSearchRoundTripsTest() {
        super(Dialect.POSTGRESQL);
    }

    @BeforeEach
    void setUp() {
        statements.clear(); // one instance serves every test of the class
        repo = new JdbiMemoryRepository(database());
        search = new PgvectorMemorySearch(database());
        owner = TestRows.owner(database(), "u" + UUID.randomUUID().toString().substring(0, 8), "Ann", null);
        scope = PersonalityScope.only(TestRows.personality(database(), owner.userId(), "p" + UUID.randomUUID(), null));
        database().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
    }

    @AfterEach
    void tearDown() {
        database().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    }

    private UUID add(double score, Instant at) {
        NewMemory m = NewMemory.live(owner.personaId(), ((PersonalityScope.Only) scope).personalityId(), "m " + score,
                Vectors.withScore(score), null, null, null, at);
        assertThat(repo.insert(m)).isTrue();
        return m.id();
    }

    @Test
    void aProvenAnswerIsNotAskedAgainButAnEarlierCutoffIs() {
        add(0.9, T0);
        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.of(T0.plusSeconds(10)))).isTrue();
        statements.clear();

        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.of(T0.plusSeconds(20))))
                .as("a memory before +10 s is one before +20 s").isTrue();
        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.empty())).isTrue();
        assertThat(statements).as("both answered from the proof").isEmpty();

        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.of(T0)))
                .as("nothing strictly before T0: the proof does not cover it, so the database is asked").isFalse();
        assertThat(statements).hasSize(1);
        assertThat(search.anyCandidates(owner.personaId(), PersonalityScope.across(), Optional.of(T0.plusSeconds(10))))
                .as("another scope is its own question").isTrue();
        assertThat(statements).hasSize(2);
    }

    @Test
    void absenceIsNeverRememberedAndAStaleProofOnlyCostsAnEmptySearch() {
        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.empty())).isFalse();
        UUID memory = add(0.9, T0);
        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.empty()))
                .as("a memory stored after a 'no' is found at once").isTrue();

        repo.softDelete(memory, T0.plusSeconds(1));
        assertThat(search.anyCandidates(owner.personaId(), scope, Optional.empty()))
                .as("the proof outlives the memory in this process").isTrue();
        assertThat(search.search(MemoryQuery.of(owner.personaId(), scope, Vectors.query(), 10, 0.0)))
                .as("but the search it lets run finds nothing").isEmpty();
        assertThat(new PgvectorMemorySearch(database()).anyCandidates(owner.personaId(), scope, Optional.empty()))
                .as("a process without the proof asks and hears no").isFalse();
    }

    @Test
    void searchesSendTheHnswSettingsOnlyWhenTheConnectionLacksThem() {
        add(0.9, T0);
        add(0.8, T0);
        MemoryQuery twenty = MemoryQuery.of(owner.personaId(), scope, Vectors.query(), 20, 0.0);
        MemoryQuery fifty = MemoryQuery.of(owner.personaId(), scope, Vectors.query(), 50, 0.0);

        assertThat(search.search(twenty)).hasSize(2);
        for (int i = 0; i < 5; i++) {
            assertThat(search.search(twenty)).hasSize(2);
        }
        // a pool of several connections may each need them once; never once per search
        long sets = settingStatements();
        assertThat(sets).isBetween(1L, 3L);
        assertThat(statements).filteredOn(s -> s.contains("WITH nearest")).hasSize(6);

        statements.clear();
        assertThat(search.search(fifty)).hasSize(2);
        assertThat(settingStatements()).as("another limit needs another list size").isEqualTo(1);
    }

    @Test
    void aSearchInsideACallersTransactionSetsItsValuesForThatTransactionOnly() {
        add(0.9, T0);
        MemoryQuery ten = MemoryQuery.of(owner.personaId(), scope, Vectors.query(), 10, 0.0);
        database().jdbi().useTransaction(h -> assertThat(search.search(ten)).hasSize(1));
        // a rolled-back transaction would undo a session value the connection was then thought to have
        assertThat(statements).anyMatch(s -> s.startsWith("SET LOCAL hnsw.ef_search"));
        assertThat(settingStatements()).isZero();
    }

    private long settingStatements() {
        return statements.stream().filter(s -> s.startsWith("SET hnsw.ef_search")).count();
    }
}
