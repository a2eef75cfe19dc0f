package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.MemoryChunk;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One suite for both search implementations. Every test builds its own persona so rows never leak between
 * tests; vectors are chosen so the cosine similarity to the query is known exactly.
 */
class MemorySearchTest {

    private static final Instant T0 = Instant.parse("2026-04-01T12:00:00Z");

    abstract static class Contract extends DatabaseContract {


        MemoryRepository repo;
        MemorySearch search;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiMemoryRepository(database());
            search = MemorySearches.forDatabase(database());
            assertThat(search).isInstanceOf(dialect() == Dialect.H2 ? ExactCosineMemorySearch.class : PgvectorMemorySearch.class);
        }

        /** A persona with two personalities and a second user's persona, all with names to render. */
        private final class World {
            final TestRows.Owner owner = TestRows.owner(database(), "ann", "Ann", "Annie");
            final TestRows.Owner stranger = TestRows.owner(database(), "sam", "Sam", null);
            final UUID lilith = TestRows.personality(database(), owner.userId(), "lilith", "Lilith");
            final UUID kael = TestRows.personality(database(), owner.userId(), "kael", null);

            UUID add(TestRows.Owner who, UUID personality, String text, double score, String channel, Instant at) {
                NewMemory m = NewMemory.live(who.personaId(), personality, text, Vectors.withScore(score), null, channel,
                        "900000000000000001", at);
                assertThat(repo.insert(m)).isTrue();
                return m.id();
            }

            UUID add(UUID personality, String text, double score) {
                return add(owner, personality, text, score, "100000000000000001", T0);
            }

            MemoryQuery query(int limit, double minScore) {
                return MemoryQuery.of(owner.personaId(), PersonalityScope.only(lilith), Vectors.query(), limit, minScore);
            }
        }

        static List<String> contents(List<MemoryHit> hits) {
            return hits.stream().map(h -> h.memory().content()).toList();
        }

        @Test
        void ordersByScoreWithinPersonaAndPersonality() {
            World w = new World();
            w.add(w.lilith, "mid", 0.7);
            w.add(w.lilith, "best", 0.9);
            w.add(w.lilith, "low", 0.2);
            w.add(w.kael, "other personality", 0.95);
            w.add(w.stranger, w.lilith, "other persona", 0.99, "100000000000000001", T0);

            List<MemoryHit> hits = search.search(w.query(10, 0.0));

            assertThat(contents(hits)).containsExactly("best", "mid", "low");
            assertThat(hits.get(0).score()).isCloseTo(0.9, within(1e-5));
            assertThat(hits.get(1).score()).isCloseTo(0.7, within(1e-5));
            assertThat(hits.get(2).score()).isCloseTo(0.2, within(1e-5));
            MemoryHit best = hits.get(0);
            assertThat(best.personaName()).isEqualTo("Annie");
            assertThat(best.ownerUsername()).isEqualTo("ann");
            assertThat(best.personalityName()).isEqualTo("Lilith");
        }

        @Test
        void everyWriteAfterASearchIsSeenByTheNextSearchEvenFromAnotherSearcher() {
            World w = new World();
            w.add(w.lilith, "first", 0.6);
            assertThat(contents(search.search(w.query(10, 0.0)))).containsExactly("first");

            UUID later = w.add(w.lilith, "added after a search", 0.9);
            assertThat(contents(search.search(w.query(10, 0.0)))).containsExactly("added after a search", "first");

            assertThat(repo.edit(later, "edited and moved away", Vectors.withScore(0.1), T0)).isPresent();
            assertThat(contents(search.search(w.query(10, 0.0)))).containsExactly("first", "edited and moved away");

            MemorySearch another = MemorySearches.forDatabase(database()); // e.g. a second process's searcher
            assertThat(contents(another.search(w.query(10, 0.0)))).containsExactly("first", "edited and moved away");
            assertThat(repo.softDelete(later, T0)).isTrue();
            assertThat(contents(search.search(w.query(10, 0.0)))).containsExactly("first");
            assertThat(contents(another.search(w.query(10, 0.0)))).containsExactly("first");
        }

        @Test
        void insertsAnnouncedToTheSearchAreFoundWithoutAReloadAndStayCorrect() {
            JdbiMemoryRepository announcing = new JdbiMemoryRepository(database());
            if (search instanceof ExactCosineMemorySearch exact) {
                announcing.onInsert(exact::inserted);
            }
            World w = new World();
            w.add(w.lilith, "first", 0.5);
            assertThat(contents(search.search(w.query(10, 0.0)))).containsExactly("first");
            for (int i = 0; i < 40; i++) { // past the index's spare capacity, so it also grows
                assertThat(announcing.insert(NewMemory.live(w.owner.personaId(), w.lilith, "announced " + i,
                        Vectors.withScore(0.6 + i * 0.001), null, "100000000000000001", "900000000000000001", T0))).isTrue();
            }
            List<String> found = contents(search.search(w.query(3, 0.0)));
            assertThat(found).containsExactly("announced 39", "announced 38", "announced 37");
            assertThat(contents(search.search(w.query(50, 0.0)))).hasSize(41).endsWith("first");
            w.add(w.lilith, "written elsewhere", 0.99); // not announced: the counter jump forces a reload
            assertThat(contents(search.search(w.query(1, 0.0)))).containsExactly("written elsewhere");
        }

        @Test
        void acrossPersonalitiesWhenThePersonaSharesItsMemory() {
            World w = new World();
            w.add(w.lilith, "lilith memory", 0.6);
            w.add(w.kael, "kael memory", 0.8);
            w.add(w.stranger, w.kael, "stranger memory", 0.99, null, T0);

            List<MemoryHit> hits = search.search(MemoryQuery.of(w.owner.personaId(), PersonalityScope.across(),
                    Vectors.query(), 10, 0.0));

            assertThat(contents(hits)).containsExactly("kael memory", "lilith memory");
            assertThat(hits.get(0).personalityName()).isEqualTo("kael");
        }

        @Test
        void appliesTheMinimumScore() {
            World w = new World();
            w.add(w.lilith, "0.9", 0.9);
            w.add(w.lilith, "0.7", 0.7);
            w.add(w.lilith, "0.55", 0.55);
            w.add(w.lilith, "0.3", 0.3);
            assertThat(contents(search.search(w.query(10, 0.6)))).containsExactly("0.9", "0.7");
            assertThat(contents(search.search(w.query(10, 0.95)))).isEmpty();
        }

        @Test
        void respectsTheLimitAndALimitOfZeroReturnsNothing() {
            World w = new World();
            for (int i = 1; i <= 8; i++) {
                w.add(w.lilith, "m" + i, i / 10.0);
            }
            assertThat(contents(search.search(w.query(3, 0.0)))).containsExactly("m8", "m7", "m6");
            assertThat(search.search(w.query(0, 0.0))).isEmpty();
        }

        @Test
        void fillsALargeLimitWhenManyRowsAreFilteredOut() {
            World w = new World();
            // rows of other personalities are closer to the query than every row in scope
            for (int i = 0; i < 60; i++) {
                w.add(w.kael, "kael " + i, 0.99 - i * 0.0001);
                w.add(w.lilith, "lilith " + i, 0.5 - i * 0.001);
            }
            List<MemoryHit> hits = search.search(w.query(50, 0.0));
            assertThat(hits).hasSize(50);
            assertThat(hits).allMatch(h -> h.memory().personalityId().equals(w.lilith));
            assertThat(contents(hits).get(0)).isEqualTo("lilith 0");
            assertThat(contents(hits).get(49)).isEqualTo("lilith 49");
        }

        @Test
        void onlyReturnsRowsCreatedStrictlyBeforeTheCutoff() {
            World w = new World();
            w.add(w.owner, w.lilith, "old", 0.5, null, T0);
            w.add(w.owner, w.lilith, "at cutoff", 0.9, null, T0.plusSeconds(60));
            w.add(w.owner, w.lilith, "new", 0.95, null, T0.plusSeconds(120));
            assertThat(contents(search.search(w.query(10, 0.0).createdBefore(T0.plusSeconds(60)))))
                    .containsExactly("old");
        }

        @Test
        void anyCandidatesAnswersWhetherASearchCouldFindAnythingAtAll() {
            World w = new World();
            PersonalityScope lilith = PersonalityScope.only(w.lilith);
            assertThat(search.anyCandidates(w.owner.personaId(), lilith, Optional.empty())).isFalse();

            w.add(w.owner, w.kael, "other personality, old", 0.9, null, T0);
            w.add(w.stranger, w.lilith, "other persona, old", 0.9, null, T0);
            UUID recent = w.add(w.owner, w.lilith, "recent", 0.9, null, T0.plusSeconds(60));
            Optional<Instant> cutoff = Optional.of(T0.plusSeconds(60));
            assertThat(search.anyCandidates(w.owner.personaId(), lilith, cutoff))
                    .as("only a row at the cutoff (strictly before is required) and rows out of scope").isFalse();
            assertThat(search.anyCandidates(w.owner.personaId(), lilith, Optional.empty())).isTrue();
            assertThat(search.anyCandidates(w.owner.personaId(), PersonalityScope.across(), cutoff))
                    .as("the other personality's old row counts when the persona shares its memory").isTrue();

            UUID old = w.add(w.owner, w.lilith, "old", 0.1, null, T0);
            assertThat(search.anyCandidates(w.owner.personaId(), lilith, cutoff)).isTrue();
            repo.softDelete(old, T0.plusSeconds(90));
            assertThat(MemorySearches.forDatabase(database()).anyCandidates(w.owner.personaId(), lilith, cutoff))
                    .as("deleted rows never match").isFalse();
            assertThat(search.search(w.query(10, -1.0).createdBefore(cutoff.get()))).isEmpty();
            assertThat(recent).isNotNull();
        }

        @Test
        void neverReturnsExcludedIds() {
            World w = new World();
            UUID best = w.add(w.lilith, "best", 0.9);
            w.add(w.lilith, "second", 0.8);
            UUID third = w.add(w.lilith, "third", 0.7);
            assertThat(contents(search.search(w.query(10, 0.0).excluding(Set.of(best, third)))))
                    .containsExactly("second");
        }

        @Test
        void restrictsToTheGivenChannels() {
            World w = new World();
            w.add(w.owner, w.lilith, "in a", 0.6, "100000000000000001", T0);
            w.add(w.owner, w.lilith, "in b", 0.7, "100000000000000002", T0);
            w.add(w.owner, w.lilith, "in c", 0.9, "100000000000000003", T0);
            w.add(w.owner, w.lilith, "no channel", 0.95, null, T0);
            assertThat(contents(search.search(w.query(10, 0.0)
                    .inChannels(Set.of("100000000000000001", "100000000000000002")))))
                    .containsExactly("in b", "in a");
        }

        @Test
        void aZeroQueryVectorHasNoDirectionAndMatchesNothing() {
            World w = new World();
            w.add(w.lilith, "anything", 0.9);
            float[] zero = new float[NewMemory.DIMENSIONS];
            assertThat(search.search(MemoryQuery.of(w.owner.personaId(), PersonalityScope.only(w.lilith), zero, 10, -1.0)))
                    .isEmpty();
        }

        @Test
        void neverReturnsASoftDeletedMemory() {
            World w = new World();
            UUID deleted = w.add(w.lilith, "deleted", 0.9);
            w.add(w.lilith, "kept", 0.5);
            repo.softDelete(deleted, T0.plusSeconds(1));
            assertThat(contents(search.search(w.query(10, 0.0)))).containsExactly("kept");
        }

        @Test
        void anEditedMemoryIsFoundByItsNewEmbedding() {
            World w = new World();
            UUID edited = w.add(w.lilith, "was far", 0.1);
            w.add(w.lilith, "steady", 0.5);
            repo.edit(edited, "now close", Vectors.withScore(0.9), T0.plusSeconds(5));
            List<MemoryHit> hits = search.search(w.query(10, 0.0));
            assertThat(contents(hits)).containsExactly("now close", "steady");
            assertThat(hits.get(0).score()).isCloseTo(0.9, within(1e-5));
        }

        @Test
        void siblingChunksComeFromTheSameGroupAndPersonaInOrder() {
            World w = new World();
            String text = "a very long exchange";
            UUID group = DeterministicIds.memoryChunkGroup(w.owner.personaId(), w.lilith, text);
            UUID[] ids = new UUID[3];
            for (int i = 2; i >= 0; i--) {
                NewMemory chunk = NewMemory.live(w.owner.personaId(), w.lilith, text + "::chunk::" + i,
                        Vectors.withScore(0.5), null, null, null, T0).withChunk(new MemoryChunk(group, i, 3));
                repo.insert(chunk);
                ids[i] = chunk.id();
            }
            // a row of another persona that happens to carry the same group id must not leak in
            repo.insert(NewMemory.live(w.stranger.personaId(), w.lilith, "foreign chunk", Vectors.withScore(0.5), null,
                    null, null, T0).withChunk(new MemoryChunk(group, 0, 1)));

            List<MemoryHit> siblings = search.siblingChunks(w.owner.personaId(), group);
            assertThat(siblings).extracting(h -> h.memory().id()).containsExactly(ids[0], ids[1], ids[2]);
            assertThat(siblings).allMatch(h -> h.score() == 1.0 && h.personaName().equals("Annie"));

            repo.softDelete(ids[1], T0.plusSeconds(1));
            assertThat(search.siblingChunks(w.owner.personaId(), group)).extracting(h -> h.memory().id())
                    .containsExactly(ids[0], ids[2]);
            assertThat(search.siblingChunks(w.owner.personaId(), UUID.randomUUID())).isEmpty();
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }

        @Test
        void theHnswIndexServesTheSearchAndStillFillsAFilteredLimitOfFifty() {
            // the graph holds only this test's rows: the other tests' rows (many at one point, or in a plane of their
            // own) left entry points from which the search reached 40-48 of the true 50 (CI failed once at 44); alone,
            // 300 rows on one arc gave all 50 in 30 of 30 builds
            database().jdbi().useHandle(h -> h.execute("TRUNCATE memories CASCADE"));
            TestRows.Owner owner = TestRows.owner(database(), "hana", "Hana", null);
            UUID wanted = TestRows.personality(database(), owner.userId(), "wanted", null);
            UUID noisy = TestRows.personality(database(), owner.userId(), "noisy", null);
            for (int i = 0; i < 300; i++) {
                // most rows near the query belong to another personality, so the index must read past them
                UUID p = i % 5 == 0 ? wanted : noisy;
                repo.insert(NewMemory.live(owner.personaId(), p, "row " + i, Vectors.withScore(0.99 - i * 0.003), null,
                        null, null, T0));
            }
            database().jdbi().useHandle(h -> h.execute("ANALYZE memories"));
            PgvectorMemorySearch pg = (PgvectorMemorySearch) search;
            MemoryQuery q = MemoryQuery.of(owner.personaId(), PersonalityScope.only(wanted), Vectors.query(), 50, 0.0);

            assertThat(String.join("\n", pg.explainForcingIndex(q))).contains("memories_embedding_hnsw_idx");
            List<MemoryHit> viaIndex = pg.searchForcingIndex(q);
            assertThat(viaIndex).hasSize(50);
            assertThat(viaIndex).allMatch(h -> h.memory().personalityId().equals(wanted));
            assertThat(viaIndex).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
            // HNSW is approximate and its graph is built with random levels: ask for high recall against the
            // exact answer (a sequential scan on 300 rows), not for the identical list, which made this test flaky
            List<String> exact = contents(pg.searchExactly(q));
            assertThat(exact).hasSize(50);
            long found = contents(viaIndex).stream().filter(exact::contains).count();
            assertThat(found).as("recall of the index against the exact top 50").isGreaterThanOrEqualTo(45);
        }
    }
}
