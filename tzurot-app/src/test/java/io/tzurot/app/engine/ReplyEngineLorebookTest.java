package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.FlightRecord;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
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
 * Lorebooks in real replies: an entry attached to the character fires on its keyword and appears in the request the
 * model receives, a sticky entry stays for its turns, and the flight record lists what fired.
 */
class ReplyEngineLorebookTest {

    private static final String HARBOR = "The harbor chain is raised at dusk by the lamplighters.";
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(810_000_000_000_000_000L);
    private static final String DRAGON = "A copper dragon sleeps under the old lighthouse.";

    abstract static class Scenario extends EngineScenario {

        Personality mira;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void attachBook() {
            mira = fixture.personality("Mira", "mira");
            JdbiLorebookRepository books = new JdbiLorebookRepository(fixture.repos.database().jdbi(), Clock.systemUTC());
            LorebookEntry harbor = new LorebookEntry("1", false, List.of("harbor"), List.of(), HARBOR, "Harbor chain",
                    null, null, new LorebookEntry.Placement(10, null, "before_char", null, null, null, null), null, null,
                    null, null, null, null, null);
            LorebookEntry dragon = new LorebookEntry("2", false, List.of("dragon"), List.of(), DRAGON, "Dragon", null,
                    null, new LorebookEntry.Placement(20, null, null, 4, 1, 0, null),
                    new LorebookEntry.Timing(2, null, null), null, null, null, null, null, null);
            Lorebook book = books.create(mira.ownerId(), new LorebookContent("Vel", null, null, null, null, null, null,
                    List.of(harbor, dragon)));
            books.attach(mira.id(), book.id());
        }

        @Test
        void aKeywordInTheMessageBringsItsEntryIntoTheModelRequest() {
            String channel = "530000000000000001";
            fixture.model.enqueue(FakeReply.text("It is, every evening."), FakeReply.text("Good evening."));
            ReplyOutcome outcome = reply("lore-1", channel, "Is the harbor closed at night?");
            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            String system = EngineFixture.systemPrompt(lastChat());
            assertThat(system).startsWith("<world_info placement=\"before_character\">\n" + HARBOR + "\n</world_info>");
            assertThat(system).doesNotContain(DRAGON);

            FlightRecord record = record("lore-1").orElseThrow();
            assertThat(record.lorebook()).singleElement().satisfies(r -> {
                assertThat(r.entryId()).isEqualTo("1");
                assertThat(r.comment()).isEqualTo("Harbor chain");
                assertThat(r.reason()).isEqualTo("key");
                assertThat(r.matchedKey()).isEqualTo("harbor");
                assertThat(r.position()).isEqualTo("before_character");
                assertThat(r.tokens()).isPositive();
            });

            reply("lore-2", channel, "Thank you.");
            assertThat(EngineFixture.systemPrompt(lastChat())).as("two turns later the keyword is out of scan depth")
                    .doesNotContain("world_info");
        }

        @Test
        void aStickyEntryStaysForItsTurnsThenLeaves() {
            String channel = "530000000000000002";
            fixture.model.enqueue(FakeReply.text("Hush."), FakeReply.text("Yes."), FakeReply.text("Yes."),
                    FakeReply.text("Yes."));
            reply("sticky-1", channel, "Tell me about the dragon.");
            String depthLine = "<world_info role=\"system\">" + DRAGON + "</world_info>";
            assertThat(EngineFixture.systemPrompt(lastChat())).contains(depthLine);
            reply("sticky-2", channel, "Anything else?");
            assertThat(EngineFixture.systemPrompt(lastChat())).contains(depthLine);
            assertThat(record("sticky-2").orElseThrow().lorebook())
                    .extracting(FlightRecord.LoreRecord::reason).containsExactly("sticky");
            reply("sticky-3", channel, "Go on.");
            assertThat(EngineFixture.systemPrompt(lastChat())).contains(depthLine);
            reply("sticky-4", channel, "And then?");
            assertThat(EngineFixture.systemPrompt(lastChat())).doesNotContain(DRAGON);
            assertThat(record("sticky-4").orElseThrow().lorebook()).isEmpty();
        }

        @Test
        void stickyStateBelongsToTheChannel() {
            fixture.model.enqueue(FakeReply.text("Hush."), FakeReply.text("Hello."));
            reply("other-1", "530000000000000003", "A dragon!");
            reply("other-2", "530000000000000004", "Hello there.");
            assertThat(EngineFixture.systemPrompt(lastChat())).doesNotContain(DRAGON);
        }

        /** The flight record of a reply, once the background writer has stored it. */
        private Optional<FlightRecord> record(String requestId) {
            fixture.engine.awaitRecorded(requestId);
            return fixture.engine.flightRecorder().find(requestId);
        }

        private ReplyOutcome reply(String requestId, String channel, String text) {
            ReplyRequest request = new ReplyRequest(requestId, Platform.DISCORD,
                    new Speaker("100000000000000051", "u51", null), "mira", channel, Optional.empty(), Optional.empty(),
                    text, List.of(), List.of(), Optional.of(String.valueOf(MESSAGE_IDS.incrementAndGet())), Set.of(), Instant.now(),
                    false, List.of());
            return fixture.engine.service().reply(request).join();
        }

        private com.fasterxml.jackson.databind.JsonNode lastChat() {
            List<RecordedRequest> chats = fixture.model.requests().stream()
                    .filter(r -> r.path().endsWith("/chat/completions")).toList();
            return chats.get(chats.size() - 1).body();
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
