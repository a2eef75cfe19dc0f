package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.NoteRole;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.FlightRecord;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A character's author's note in real replies: on its frequency it goes into the model's request at its depth, the
 * lorebook entries positioned at the top and bottom of the Author's Note go around it, and both are left out on the
 * turns the note is not due; the flight record says where it went.
 */
class ReplyEngineAuthorsNoteTest {

    private static final AtomicLong MESSAGE_IDS = new AtomicLong(820_000_000_000_000_000L);

    abstract static class Scenario extends EngineScenario {

        Personality nia;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        private static LorebookEntry constant(String id, String content, int position) {
            return new LorebookEntry(id, false, List.of(), List.of(), content, "AN " + position, null,
                    new LorebookEntry.Matching(true, true, null, null, null, null, null, null, null, null, null),
                    new LorebookEntry.Placement(10, null, null, position, null, null, null), null, null, null, null,
                    null, null, null);
        }

        @BeforeAll
        void noteAndBook() {
            nia = fixture.personality("Nia", "nia");
            JdbiLorebookRepository books = new JdbiLorebookRepository(fixture.repos.database().jdbi(), Clock.systemUTC());
            Lorebook book = books.create(nia.ownerId(), new LorebookContent("Around", null, null, null, null, null, null,
                    List.of(constant("1", "Top lore.", 2), constant("2", "Bottom lore.", 3))));
            books.attach(nia.id(), book.id());
            fixture.repos.authorsNotes().save(new AuthorsNote(
                    new NoteScope.Character(nia.id()), "{{char}} stays terse.", 0, NoteRole.SYSTEM, 2, Instant.now()),
                    nia.ownerId());
        }

        @Test
        void theNoteAndItsLoreComeEverySecondMessageAtTheEndOfTheChatLog() {
            String channel = "540000000000000001";
            fixture.model.enqueue(FakeReply.text("One."), FakeReply.text("Two."), FakeReply.text("Three."));
            String line = "<authors_note role=\"system\">Top lore.\nNia stays terse.\nBottom lore.</authors_note>";

            reply("an-1", channel, "First.");
            assertThat(system()).doesNotContain("authors_note").doesNotContain("Top lore.");
            FlightRecord.AuthorsNoteRecord first = record("an-1").authorsNote();
            assertThat(first.source()).isEqualTo("character");
            assertThat(first.due()).isFalse();
            assertThat(first.userTurns()).isEqualTo(1);

            reply("an-2", channel, "Second.");
            String second = system();
            assertThat(second).contains(line + "\n</chat_log>"); // depth 0: after the newest message
            FlightRecord.AuthorsNoteRecord placed = record("an-2").authorsNote();
            assertThat(placed.inserted()).isTrue();
            assertThat(placed.userTurns()).isEqualTo(2);
            assertThat(placed.depth()).isZero();
            assertThat(placed.position()).isZero();
            assertThat(placed.loreTop()).isEqualTo(1);
            assertThat(placed.loreBottom()).isEqualTo(1);
            assertThat(placed.tokens()).isPositive();
            assertThat(record("an-2").lorebook()).extracting(FlightRecord.LoreRecord::position)
                    .containsExactlyInAnyOrder("authors_note_top", "authors_note_bottom");

            reply("an-3", channel, "Third.");
            assertThat(system()).doesNotContain("authors_note").doesNotContain("Bottom lore.");
        }

        private FlightRecord record(String requestId) {
            fixture.engine.awaitRecorded(requestId);
            return fixture.engine.flightRecorder().find(requestId).orElseThrow();
        }

        private void reply(String requestId, String channel, String text) {
            fixture.engine.service().reply(new ReplyRequest(requestId, Platform.DISCORD,
                    new Speaker("100000000000000061", "u61", null), "nia", channel, Optional.empty(), Optional.empty(),
                    text, List.of(), List.of(), Optional.of(String.valueOf(MESSAGE_IDS.incrementAndGet())), Set.of(),
                    Instant.now(), false, List.of())).join();
        }

        private String system() {
            List<RecordedRequest> chats = fixture.model.requests().stream()
                    .filter(r -> r.path().endsWith("/chat/completions")).toList();
            return EngineFixture.systemPrompt(chats.get(chats.size() - 1).body());
        }
    }

    @Nested
    class OnH2 extends Scenario {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenario {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
