package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The user's turn is stored when the reply starts (spec/discord.md §1.8 step 6), keyed by the request id: a
 * redelivered job writes it once and never shows the message to itself as history.
 */
class ReplyEngineUserTurnTest {

    private static final String ALICE = "100000000000000041";

    abstract static class Scenario extends EngineScenario {

        Personality ada;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void createCharacter() {
            ada = fixture.personality("Ada", "ada");
        }

        @Test
        void aRedeliveredJobWritesTheUserTurnOnceAndDoesNotSeeItAsHistory() {
            String channel = "520000000000000001";
            fixture.model.enqueue(FakeReply.error(401, "invalid key"), FakeReply.text("Here now."));
            ReplyRequest request = request("discord:801", "801", channel, "Where is the lighthouse key?");
            ReplyOutcome first = fixture.engine.service().reply(request).join();
            assertThat(first).isInstanceOf(ReplyOutcome.Failed.class);
            assertThat(fixture.repos.history().find(RecordingExchange.userTurnId("discord:801"))).isPresent();

            ReplyOutcome again = fixture.engine.service().reply(request).join();

            assertThat(again).isInstanceOf(ReplyOutcome.Replied.class);
            List<HistoryMessage> rows = fixture.repos.history().recent(RecentHistoryQuery.wholeChannel(channel,
                    ada.id(), 100, Optional.empty(), Optional.empty(), Instant.now().plusSeconds(5)));
            assertThat(rows.stream().filter(r -> r.content().equals("Where is the lighthouse key?"))).hasSize(1);
            assertThat(EngineFixture.systemPrompt(lastChat())).doesNotContain("Where is the lighthouse key?");
        }

        @Test
        void whatATurnQuotedIsShownWithItInLaterPrompts() {
            String channel = "520000000000000003";
            fixture.model.enqueue(FakeReply.text("Under the blue lantern."), FakeReply.text("Still there."));
            io.tzurot.core.reply.ReferenceInput quoted = new io.tzurot.core.reply.ReferenceInput(Optional.of("990"),
                    "Bob", "bob", Optional.of(Instant.now().minusSeconds(600)), "The spare key is under the lantern.",
                    List.of("Lantern Co.: blue storm lanterns"), List.of(), false);
            ReplyRequest first = new ReplyRequest("discord:803", Platform.DISCORD, new Speaker(ALICE, "u" + ALICE, null),
                    "ada", channel, Optional.empty(), Optional.empty(), "which lantern?", List.of(), List.of(quoted),
                    Optional.of("803"), Set.of(), Instant.now(), false, List.of());
            assertThat(fixture.engine.service().reply(first).join()).isInstanceOf(ReplyOutcome.Replied.class);

            fixture.engine.service().reply(request("discord:804", "804", channel, "and is it still there?")).join();

            String system = EngineFixture.systemPrompt(lastChat());
            assertThat(system).containsPattern("(?s)>which lantern\\?\\s*<quoted_messages>\\s*<quote from=\"Bob\" "
                    + "username=\"bob\">.*The spare key is under the lantern\\..*Lantern Co\\.: blue storm lanterns"
                    + ".*</quoted_messages>");
        }

        private ReplyRequest request(String requestId, String messageId, String channel, String text) {
            return new ReplyRequest(requestId, Platform.DISCORD, new Speaker(ALICE, "u" + ALICE, null), "ada", channel,
                    Optional.empty(), Optional.empty(), text, List.of(), List.of(), Optional.of(messageId), Set.of(),
                    Instant.now(), false, List.of());
        }

        private JsonNode lastChat() {
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
