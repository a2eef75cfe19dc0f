package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.summaries.NewSummary;
import io.tzurot.core.summaries.SummaryGroup;
import io.tzurot.core.summaries.SummaryWindow;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The summary store on H2 and PostgreSQL: grouping by conversation and week, the claim, and un-marking. */
class SummaryRepositoryTest {

    /** A Monday 00:00 UTC: week A is [A, A+7d), week B the next one. */
    private static final Instant WEEK_A = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant WEEK_B = WEEK_A.plus(Duration.ofDays(7));
    private static final Instant CUTOFF = Instant.parse("2026-03-01T00:00:00Z");

    abstract static class Contract extends DatabaseContract {

        MemoryRepository memories;
        MemorySearch search;
        JdbiSummaryRepository summaries;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            memories = new JdbiMemoryRepository(database());
            search = MemorySearches.forDatabase(database());
            summaries = new JdbiSummaryRepository(database());
        }

        private final class World {
            final TestRows.Owner owner = TestRows.owner(database(), "ann", "Ann", "Annie");
            final UUID lilith = TestRows.personality(database(), owner.userId(), "lilith", "Lilith");

            List<UUID> add(int n, String channel, Instant from, double score) {
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    NewMemory m = NewMemory.live(owner.personaId(), lilith, "{user}: " + channel + " note " + from + " "
                            + i, Vectors.withScore(score), null, channel, "900000000000000001", from.plusSeconds(3600L * i));
                    assertThat(memories.insert(m)).isTrue();
                    ids.add(m.id());
                }
                return ids;
            }

            List<SummaryGroup> groups() {
                return summaries.groups(CUTOFF, 10, 1000).stream()
                        .filter(g -> g.personaId().equals(owner.personaId())).toList();
            }

            NewSummary summary(List<Memory> originals, String text, double score) {
                return new NewSummary(UUID.randomUUID(), owner.personaId(), lilith, originals.get(0).channelId(), null,
                        text, Vectors.withScore(score), originals.get(0).createdAt(),
                        originals.get(originals.size() - 1).createdAt(), originals.stream().map(Memory::id).toList(),
                        CUTOFF.plusSeconds(60));
            }

            List<String> searched() {
                return search.search(MemoryQuery.of(owner.personaId(), PersonalityScope.only(lilith), Vectors.query(), 100,
                        0.0)).stream().map(MemoryHit::memory).map(Memory::content).toList();
            }
        }

        @Test
        void groupsOldMemoriesByConversationAndCalendarWeekFromTheThreshold() {
            World w = new World();
            w.add(12, "100000000000000001", WEEK_A, 0.5);
            w.add(3, "100000000000000002", WEEK_A, 0.5); // too few in that channel
            w.add(11, "100000000000000001", WEEK_B, 0.5);
            w.add(15, "100000000000000001", CUTOFF.plusSeconds(1), 0.5); // too recent

            List<SummaryGroup> groups = w.groups();

            assertThat(groups).extracting(SummaryGroup::week, SummaryGroup::count, SummaryGroup::channelId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SummaryWindow.of(WEEK_A), 12, "100000000000000001"),
                            org.assertj.core.groups.Tuple.tuple(SummaryWindow.of(WEEK_B), 11, "100000000000000001"));
            assertThat(groups.get(0).ownerId()).isEqualTo(w.owner.userId());
            assertThat(groups.get(0).personaName()).isEqualTo("Annie");
            assertThat(groups.get(0).personalityName()).isEqualTo("Lilith");
            List<Memory> originals = summaries.originals(groups.get(0), CUTOFF, 100);
            assertThat(originals).hasSize(12).isSortedAccordingTo(java.util.Comparator.comparing(Memory::createdAt));
            assertThat(summaries.originals(groups.get(0), CUTOFF, 5)).hasSize(5);
        }

        @Test
        void storingMarksTheOriginalsWhichSearchThenLeavesToTheSummary() {
            World w = new World();
            w.add(10, "100000000000000001", WEEK_A, 0.5);
            SummaryGroup g = w.groups().get(0);
            List<Memory> originals = summaries.originals(g, CUTOFF, 100);
            NewSummary s = w.summary(originals, "Ann and Lilith mapped the harbor.", 0.9);

            assertThat(summaries.store(s)).isTrue();

            Memory stored = memories.find(s.id()).orElseThrow();
            assertThat(stored.isSummary()).isTrue();
            assertThat(stored.originalMessageCount()).isEqualTo(10);
            assertThat(stored.coversFrom()).isEqualTo(originals.get(0).createdAt());
            assertThat(stored.coversUntil()).isEqualTo(originals.get(9).createdAt());
            assertThat(stored.createdAt()).isEqualTo(stored.coversUntil());
            assertThat(summaries.originalsOf(s.id())).containsExactlyElementsOf(s.originalIds());
            assertThat(memories.find(originals.get(0).id()).orElseThrow().summarizedBy()).isEqualTo(s.id());
            assertThat(w.searched()).containsExactly("Ann and Lilith mapped the harbor.");
            assertThat(w.groups()).isEmpty(); // summarized once: the next sweep finds nothing here
            assertThat(search.anyCandidates(w.owner.personaId(), PersonalityScope.only(w.lilith), Optional.empty())).isTrue();
        }

        @Test
        void aClaimThatMissesOneOriginalWritesNothing() {
            World w = new World();
            w.add(10, "100000000000000001", WEEK_A, 0.5);
            List<Memory> originals = summaries.originals(w.groups().get(0), CUTOFF, 100);
            assertThat(summaries.store(w.summary(originals, "First summary of the week.", 0.9))).isTrue();

            NewSummary again = w.summary(originals, "A second summary of the same week.", 0.9);
            assertThat(summaries.store(again)).isFalse();
            assertThat(memories.find(again.id())).isEmpty();

            World v = new World();
            v.add(10, "100000000000000001", WEEK_A, 0.5);
            List<Memory> others = summaries.originals(v.groups().get(0), CUTOFF, 100);
            memories.softDelete(others.get(3).id(), CUTOFF);
            NewSummary partial = v.summary(others, "A summary over a deleted memory.", 0.9);
            assertThat(summaries.store(partial)).isFalse();
            assertThat(memories.find(partial.id())).isEmpty();
            assertThat(memories.find(others.get(0).id()).orElseThrow().summarizedBy()).isNull();
        }

        @Test
        void deletingTheSummaryGivesTheOriginalsBack() {
            World w = new World();
            w.add(10, "100000000000000001", WEEK_A, 0.5);
            List<Memory> originals = summaries.originals(w.groups().get(0), CUTOFF, 100);
            NewSummary s = w.summary(originals, "Ann and Lilith mapped the harbor.", 0.9);
            summaries.store(s);

            assertThat(memories.softDelete(s.id(), CUTOFF.plusSeconds(120))).isTrue();

            assertThat(summaries.originalsOf(s.id())).isEmpty();
            assertThat(w.searched()).hasSize(10).doesNotContain("Ann and Lilith mapped the harbor.");
            assertThat(w.groups()).hasSize(1);
        }

        @Test
        void hardDeletingTheSummaryUnmarksTheOriginalsThatStay() {
            World w = new World();
            w.add(10, "100000000000000001", WEEK_A, 0.5);
            List<Memory> originals = summaries.originals(w.groups().get(0), CUTOFF, 100);
            NewSummary s = w.summary(originals, "Ann and Lilith mapped the harbor.", 0.9);
            summaries.store(s);

            // the summary is dated at its last original: deleting from there removes it and that one original only
            int deleted = memories.deleteSince(w.owner.personaId(), Optional.of(w.lilith), s.coversUntil());

            assertThat(deleted).isEqualTo(2);
            assertThat(memories.find(originals.get(0).id()).orElseThrow().summarizedBy()).isNull();
            assertThat(w.searched()).hasSize(9);
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
    }
}
