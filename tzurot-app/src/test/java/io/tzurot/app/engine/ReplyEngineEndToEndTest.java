package io.tzurot.app.engine;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Two exchanges in one channel, then a question in another channel answered from long-term memory. */
@ExtendWith(SecretLogScan.class)
class ReplyEngineEndToEndTest {

    abstract static class Scenario extends EngineScenario {

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void createCharacter() {
            fixture.personality("Ada", "ada");
        }

        @Test
        void aFactFromOneChannelIsRecalledInAnotherThroughLongTermMemory() {
            fixture.model.enqueue(FakeReply.text("What a lovely name for a cat!"),
                    FakeReply.text("The Alps are beautiful in autumn."),
                    FakeReply.text("Your cat is called Biscuit."));
            String user = "100000000000000001";

            ReplyOutcome first = fixture.say(user, "ada", "111111111111111111",
                    "My cat is called Biscuit and she sleeps on my keyboard.");
            ReplyOutcome second = fixture.say(user, "ada", "111111111111111111", "I am planning a hiking trip to the Alps.");
            assertThat(first).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(second).isInstanceOf(ReplyOutcome.Replied.class);
            fixture.awaitMemoriesStored();

            ReplyOutcome third = fixture.say(user, "ada", "222222222222222222", "What is the name of my cat?");

            assertThat(third).isInstanceOf(ReplyOutcome.Replied.class);
            ReplyOutcome.Replied replied = (ReplyOutcome.Replied) third;
            assertThat(replied.content()).isEqualTo("Your cat is called Biscuit.");
            assertThat(replied.memories()).isNotEmpty();
            assertThat(replied.memories().get(0).preview()).contains("Biscuit");

            List<RecordedRequest> chats = fixture.model.requests().stream()
                    .filter(r -> r.path().endsWith("/chat/completions")).toList();
            assertThat(chats).hasSize(3);
            String system = EngineFixture.systemPrompt(chats.get(2).body());
            Matcher note = Pattern.compile("<historical_note[^>]* relevance=\"(\\d\\.\\d\\d)\">([^<]*Biscuit[^<]*)</historical_note>")
                    .matcher(system);
            assertThat(note.find()).as("the memory with its score in the prompt:\n%s", system).isTrue();
            double score = Double.parseDouble(note.group(1));
            assertThat(score).isGreaterThanOrEqualTo(0.5).isLessThanOrEqualTo(1.0);
            // the new channel's own history is empty: the fact can only have come from long-term memory
            assertThat(system).doesNotContain("<chat_log>\n<message");
            assertThat(EngineFixture.systemPrompt(chats.get(1).body())).contains("Biscuit"); // same channel: history carries it
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
