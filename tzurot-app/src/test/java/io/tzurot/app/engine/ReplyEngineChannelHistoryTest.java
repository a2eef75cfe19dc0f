package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A character is shown the whole channel (spec/discord.md §1.9): every person's and every character's turns,
 * each under its real speaker's name, after the asking user's context-reset epoch; it is kept from repeating
 * itself, not from agreeing with another character.
 */
class ReplyEngineChannelHistoryTest {

    private static final String ALICE = "100000000000000031";
    private static final String BOB = "100000000000000032";

    abstract static class Scenario extends EngineScenario {

        Personality lilith;
        Personality sam;

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void createCharacters() {
            lilith = fixture.personality("Lilith", "lilith");
            sam = fixture.personality("Sam", "sam");
        }

        @Test
        void aSecondCharacterSeesTheFirstOnesTurnUnderItsName() {
            String channel = "510000000000000001";
            fixture.model.enqueue(FakeReply.text("The password is written on the lantern by the door."),
                    FakeReply.text("Lilith said it is written on the lantern by the door."));

            fixture.say(ALICE, "lilith", channel, "Where is the password kept?");
            ReplyOutcome second = fixture.say(BOB, "sam", channel, "What did Lilith just tell Alice?");

            assertThat(second).isInstanceOf(ReplyOutcome.Replied.class);
            String system = EngineFixture.systemPrompt(lastChat(0));
            assertThat(system).containsPattern("<message from=\"u" + ALICE
                    + "\" from_id=\"[0-9a-f-]+\" role=\"user\" t=\"[^\"]*\">Where is the password kept\\?</message>");
            assertThat(system).containsPattern("<message from=\"Lilith\" from_id=\"[0-9a-f-]+\" role=\"user\" t=\"[^\"]*\">"
                    + "The password is written on the lantern by the door\\.</message>");
            assertThat(system).doesNotContain("<message from=\"Sam\" role=\"assistant\"");
        }

        @Test
        void theContextResetEpochAppliesToTheWholeChannel() {
            String channel = "510000000000000002";
            fixture.model.enqueue(FakeReply.text("A fine morning for it."), FakeReply.text("Fresh start."));
            fixture.say(ALICE, "lilith", channel, "Old news about the harbour.");
            User bob = fixture.repos.users().findByDiscordId(BOB)
                    .orElseGet(() -> fixture.repos.users().getOrCreate(
                            new io.tzurot.core.user.DiscordUserProfile(BOB, "u" + BOB, null, null, false), false));
            fixture.repos.historyEpochs().clearContext(bob.id(), sam.id(), bob.defaultPersona().orElseThrow());

            fixture.say(BOB, "sam", channel, "What were we talking about?");

            String system = EngineFixture.systemPrompt(lastChat(0));
            assertThat(system).doesNotContain("Old news about the harbour").doesNotContain("A fine morning for it.");
        }

        @Test
        void aCharacterMayAgreeWithAnotherWordForWordWithoutBeingRetriedAsARepeat() {
            String channel = "510000000000000003";
            String line = "The tide turns at midnight, and the ferry leaves an hour later.";
            fixture.model.enqueue(FakeReply.text(line), FakeReply.text(line));
            fixture.say(ALICE, "lilith", channel, "When does the ferry leave?");
            int before = chats().size();

            ReplyOutcome echo = fixture.say(BOB, "sam", channel, "Can you confirm the ferry time?");

            assertThat(((ReplyOutcome.Replied) echo).content()).isEqualTo(line);
            assertThat(chats()).hasSize(before + 1); // Lilith's words are not Sam's own earlier reply
        }

        @Test
        void channelMessagesAreMergedWithinTheCountAgeAndResetLimitsAndAStoredTurnWins() {
            String channel = "510000000000000004";
            fixture.model.enqueue(FakeReply.text("Stored answer."), FakeReply.text("Fine."));
            ReplyOutcome stored = fixture.engine.service().reply(discord("701", channel, "stored question",
                    java.time.Instant.now(), List.of())).join();
            assertThat(stored).isInstanceOf(ReplyOutcome.Replied.class);
            User bob = fixture.repos.users().findByDiscordId(BOB).orElseThrow();
            fixture.repos.historyEpochs().clearContext(bob.id(), sam.id(), bob.defaultPersona().orElseThrow());
            java.time.Instant now = java.time.Instant.now();
            List<io.tzurot.core.reply.ChannelMessage> context = new java.util.ArrayList<>();
            context.add(new io.tzurot.core.reply.ChannelMessage("690", "100000000000000077", "Old Timer", "old",
                    now.minusSeconds(3600), "before the reset"));
            context.add(new io.tzurot.core.reply.ChannelMessage("701", BOB, "Bob", "u" + BOB, now.minusMillis(5),
                    "stored question"));
            for (int i = 0; i < 55; i++) {
                context.add(new io.tzurot.core.reply.ChannelMessage(Integer.toString(800 + i), "100000000000000078",
                        "Chatty", "chatty", now.plusMillis(i + 1), "chatter " + i));
            }

            fixture.engine.service().reply(discord("900", channel, "@Sam anything new?", now.plusMillis(100), context))
                    .join();

            String system = EngineFixture.systemPrompt(lastChat(0));
            // the default maxMessages (50) newest platform messages, none from before the reset
            assertThat(system).contains(">chatter 54</message>").contains(">chatter 5</message>")
                    .doesNotContain(">chatter 4</message>").doesNotContain("before the reset")
                    .containsPattern("<message from=\"Chatty\" role=\"user\" t=\"[^\"]+\">chatter 54</message>");
        }

        private io.tzurot.core.reply.ReplyRequest discord(String messageId, String channel, String text,
                                                          java.time.Instant at,
                                                          List<io.tzurot.core.reply.ChannelMessage> context) {
            String slug = messageId.equals("701") ? "lilith" : "sam";
            return new io.tzurot.core.reply.ReplyRequest("discord:" + messageId, io.tzurot.core.reply.Platform.DISCORD,
                    new io.tzurot.core.reply.Speaker(BOB, "u" + BOB, null), slug, channel, java.util.Optional.empty(),
                    java.util.Optional.empty(), text, List.of(), List.of(), java.util.Optional.of(messageId),
                    java.util.Set.of(), at, false, context);
        }

        private List<RecordedRequest> chats() {
            return fixture.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
        }

        private JsonNode lastChat(int back) {
            List<RecordedRequest> chats = chats();
            return chats.get(chats.size() - 1 - back).body();
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
