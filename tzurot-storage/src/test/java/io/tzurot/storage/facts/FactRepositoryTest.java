package io.tzurot.storage.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FactRepositoryTest {

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
    }

    abstract static class Contract extends DatabaseContract {

        private static final Instant T1 = Instant.parse("2026-12-06T12:00:00Z");
        private static final Instant T2 = Instant.parse("2026-12-06T13:00:00Z");

        Contract(Dialect dialect) {
            super(dialect);
        }

        private JdbiFactRepository repo() {
            return new JdbiFactRepository(database().jdbi());
        }

        private record Scope(UUID persona, UUID personality, UUID otherPersonality) {
        }

        private Scope scope() {
            TestRows.Owner owner = TestRows.owner(database(), "u" + UUID.randomUUID(), "Ari", null);
            return new Scope(owner.personaId(), TestRows.personality(database(), owner.userId(), "Ada", null),
                    TestRows.personality(database(), owner.userId(), "Bea", null));
        }

        private static List<String> texts(List<MemoryFact> facts) {
            return facts.stream().map(MemoryFact::content).toList();
        }

        @Test
        void addsDeduplicatesByKeyAndKeepsTheHigherConfidence() {
            JdbiFactRepository repo = repo();
            Scope s = scope();
            int changed = repo.apply(s.persona, s.personality, List.of(new FactChange.Add("Has a cat called Quillibrand.", 0.6),
                    new FactChange.Add("has a  cat called quillibrand", 0.9)), "exchange:r1", T1);
            assertThat(changed).isEqualTo(2);
            List<MemoryFact> facts = repo.inScope(s.persona, PersonalityScope.only(s.personality), 10);
            assertThat(facts).hasSize(1);
            assertThat(facts.get(0).content()).isEqualTo("Has a cat called Quillibrand.");
            assertThat(facts.get(0).confidence()).isEqualTo(0.9);
            assertThat(facts.get(0).source()).isEqualTo("exchange:r1");
            assertThat(facts.get(0).createdAt()).isEqualTo(T1);
        }

        @Test
        void replaceAndRemoveSpareLockedFactsAndOtherPersonas() {
            JdbiFactRepository repo = repo();
            Scope s = scope();
            Scope stranger = scope();
            repo.apply(s.persona, s.personality, List.of(new FactChange.Add("lives in Oslo", 0.8),
                    new FactChange.Add("has a dog called Rex", 0.8), new FactChange.Add("likes tea", 0.8)), "exchange:r1", T1);
            List<MemoryFact> facts = repo.inScope(s.persona, PersonalityScope.only(s.personality), 10);
            MemoryFact oslo = facts.stream().filter(f -> f.content().contains("Oslo")).findFirst().orElseThrow();
            MemoryFact rex = facts.stream().filter(f -> f.content().contains("Rex")).findFirst().orElseThrow();
            MemoryFact tea = facts.stream().filter(f -> f.content().contains("tea")).findFirst().orElseThrow();
            assertThat(repo.setLocked(rex.id(), true, T2)).isTrue();

            int changed = repo.apply(s.persona, s.personality, List.of(new FactChange.Replace(oslo.id(), "lives in Bergen", 0.9),
                    new FactChange.Replace(rex.id(), "has no dog", 0.9), new FactChange.Remove(tea.id())), "exchange:r2", T2);
            assertThat(changed).isEqualTo(2);
            assertThat(texts(repo.inScope(s.persona, PersonalityScope.only(s.personality), 10)))
                    .containsExactly("has a dog called Rex", "lives in Bergen");
            // another persona's extraction cannot touch these rows
            assertThat(repo.apply(stranger.persona, stranger.personality, List.of(
                    new FactChange.Remove(repo.inScope(s.persona, PersonalityScope.across(), 10).get(1).id())),
                    "exchange:x", T2)).isZero();
            assertThat(repo.inScope(s.persona, PersonalityScope.across(), 10)).hasSize(2);
        }

        @Test
        void scopeOrderingAndListingByPersona() {
            JdbiFactRepository repo = repo();
            Scope s = scope();
            repo.apply(s.persona, s.personality, List.of(new FactChange.Add("likes tea", 0.6),
                    new FactChange.Add("is a nurse", 0.95)), "exchange:r1", T1);
            repo.apply(s.persona, s.otherPersonality, List.of(new FactChange.Add("plays chess", 0.7)), "exchange:r2", T1);
            assertThat(texts(repo.inScope(s.persona, PersonalityScope.only(s.personality), 10)))
                    .containsExactly("is a nurse", "likes tea");
            assertThat(texts(repo.inScope(s.persona, PersonalityScope.only(s.personality), 1))).containsExactly("is a nurse");
            assertThat(texts(repo.inScope(s.persona, PersonalityScope.across(), 10)))
                    .containsExactly("is a nurse", "plays chess", "likes tea");
            assertThat(repo.ofPersonas(List.of(s.persona))).hasSize(3);
            assertThat(repo.ofPersonas(List.of())).isEmpty();
            assertThat(repo.ofPersonas(List.of(scope().persona))).isEmpty();
        }

        @Test
        void correctionIsCertainMergesATwinAndKeepsALock() {
            JdbiFactRepository repo = repo();
            Scope s = scope();
            repo.apply(s.persona, s.personality, List.of(new FactChange.Add("has a cat called Quill", 0.7),
                    new FactChange.Add("has a cat called Quillibrand", 0.6)), "exchange:r1", T1);
            List<MemoryFact> facts = repo.inScope(s.persona, PersonalityScope.only(s.personality), 10);
            MemoryFact quill = facts.stream().filter(f -> f.content().endsWith("Quill")).findFirst().orElseThrow();
            MemoryFact full = facts.stream().filter(f -> f.content().endsWith("Quillibrand")).findFirst().orElseThrow();
            repo.setLocked(full.id(), true, T1);

            MemoryFact corrected = repo.correct(quill.id(), "Has a cat called Quillibrand", T2).orElseThrow();
            assertThat(corrected.content()).isEqualTo("Has a cat called Quillibrand");
            assertThat(corrected.confidence()).isEqualTo(1.0);
            assertThat(corrected.locked()).isTrue();
            assertThat(corrected.source()).isEqualTo(MemoryFact.USER_SOURCE);
            assertThat(corrected.updatedAt()).isEqualTo(T2);
            assertThat(repo.find(full.id())).isEmpty();
            assertThat(repo.correct(UUID.randomUUID(), "x", T2)).isEmpty();
        }

        @Test
        void lockAndDeleteReportMissingFacts() {
            JdbiFactRepository repo = repo();
            Scope s = scope();
            repo.apply(s.persona, s.personality, List.of(new FactChange.Add("likes tea", 0.6)), "exchange:r1", T1);
            MemoryFact tea = repo.inScope(s.persona, PersonalityScope.only(s.personality), 1).get(0);
            assertThat(repo.setLocked(UUID.randomUUID(), true, T2)).isFalse();
            // a locked fact is not raised by an extraction that says it again
            repo.setLocked(tea.id(), true, T2);
            assertThat(repo.apply(s.persona, s.personality, List.of(new FactChange.Add("Likes tea.", 0.99)), "exchange:r2",
                    T2)).isZero();
            assertThat(repo.find(tea.id()).orElseThrow().confidence()).isEqualTo(0.6);
            assertThat(repo.delete(tea.id())).isTrue();
            assertThat(repo.delete(tea.id())).isFalse();
        }
    }
}
