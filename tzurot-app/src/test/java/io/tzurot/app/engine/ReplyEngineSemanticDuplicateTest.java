package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.response.PriorReply;
import io.tzurot.core.response.ReplyEmbeddings;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.model.FakeReply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** pipeline.md §7 L4: a reply that says the last one again in other words is retried (real BGE embeddings). */
class ReplyEngineSemanticDuplicateTest {

    private static final String FIRST = "The old lighthouse on the northern cliff was built in 1852 by local fishermen.";
    // different words (Jaccard 0.32), same meaning (BGE cosine about 0.92)
    private static final String SAME_AGAIN = "Fishermen from the village constructed that lighthouse on the north cliffs in 1852.";
    private static final String FRESH = "Its lamp was electrified in 1931, and a keeper lived there until the seventies.";

    abstract static class Scenario extends EngineScenario {
        Personality character;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void createCharacter() {
            character = fixture.personality("Lia", "lia");
        }

        @Test
        void aParaphraseOfTheLastReplyIsRetriedAndTheFreshAnswerDelivered() {
            String user = "100000000000000055";
            String channel = "555555555555555555";
            fixture.model.enqueue(FakeReply.text(FIRST));
            assertThat(((ReplyOutcome.Replied) fixture.say(user, "lia", channel, "When was the lighthouse built?")).content())
                    .isEqualTo(FIRST);
            ReplyEmbeddings kept = fixture.engine.replyEmbeddings();
            String conversation = ReplyEmbeddings.conversation(character.id(), channel);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> kept.attach(conversation,
                    List.of(new PriorReply(FIRST, Optional.empty()))).get(0).embedding().isPresent());
            int before = fixture.model.requests().size();

            fixture.model.enqueue(FakeReply.text(SAME_AGAIN), FakeReply.text(FRESH));
            ReplyOutcome second = fixture.say(user, "lia", channel, "Tell me more about it.");

            assertThat(((ReplyOutcome.Replied) second).content()).isEqualTo(FRESH);
            assertThat(fixture.model.requests().size() - before).isEqualTo(2);
            assertThat(fixture.model.lastRequest().body().path("temperature").asDouble())
                    .as("the retry runs hotter").isGreaterThanOrEqualTo(0.95);
            assertThat(kept.attach(ReplyEmbeddings.conversation(character.id(), "666666666666666666"),
                    List.of(new PriorReply(FIRST, Optional.empty()))).get(0).embedding())
                    .as("other channels are not compared").isEmpty();
        }
    }

    @Nested
    class OnH2 extends Scenario {
        OnH2() {
            super(Dialect.H2);
        }
    }
}
