package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.discord.DeliveredMessage;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A reply to a character's post can arrive before the bot has recorded that post (the record follows Discord's
 * answer to the webhook call): it must still reach the character, not be ignored as "not addressed".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyBeforeRecordTest {

    /** Records a post only after a while, as a loaded database or a slow answer from Discord would. */
    private static final class LateRecords implements DeliveredMessageRepository {
        private final DeliveredMessageRepository inner;

        LateRecords(DeliveredMessageRepository inner) {
            this.inner = inner;
        }

        @Override
        public void record(DeliveredMessage message) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inner.record(message);
        }

        @Override
        public Optional<DeliveredMessage> find(String messageId) {
            return inner.find(messageId);
        }

        @Override
        public Optional<DeliveredMessage> latestInChannel(String channelId) {
            return inner.latestInChannel(channelId);
        }
    }

    private BotHarness harness;
    private SimGuild guild;
    private SimUser alice;
    private Personality lilith;

    @BeforeAll
    void start() {
        harness = BotHarness.start("late-records", s -> new DiscordServices(s.personalities(), s.channels(),
                s.denylist(), s.users(), new LateRecords(s.delivered()), s.replies(), s.clock(), s.voice(), s.history(),
                s.commands()));
        guild = harness.simulator.world().createGuild("Late Guild");
        alice = harness.simulator.world().createMember(guild, "alice");
        harness.verified(alice);
        lilith = harness.character(alice, "lilith", "Lilith", null, true);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void aReplyThatOutrunsThePostsRecordStillReachesTheCharacter() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "quick");
        harness.simulator.users().post(alice, channel, "@Lilith hello");
        SimMessage answer = harness.awaitPosts(channel, 1).get(0).message();
        assertThat(harness.delivered.find(Long.toString(answer.id()))).as("not recorded yet").isEmpty();

        SimMessage quick = harness.simulator.users().reply(alice, channel, answer, "and again");

        BotActivity.Posted second = harness.awaitPosts(channel, 2).get(1);
        assertThat(second.content()).startsWith("Lilith: and again");
        assertThat(harness.replies.requestFor(quick.id()).orElseThrow().personality()).isEqualTo(lilith.id().toString());
    }
}
