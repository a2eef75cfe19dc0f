package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.discord.trigger.BotTexts;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A reply that takes very long (spec/discord.md §1.10), on real JDA against the simulator with time moved by
 * hand: after ten minutes the user is told it is still coming, and the channel's next reply no longer waits for
 * it; the slow reply is still delivered when it is ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowReplyTest {

    private final ManualDelays time = new ManualDelays();
    private BotHarness harness;
    private BotHarness.Cast cast;

    @BeforeAll
    void start() {
        harness = BotHarness.withManualTime("slow-reply", time);
        cast = harness.cast("Slow Guild");
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void afterTenMinutesTheUserIsToldAndTheNextReplyNoLongerWaits() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(cast.guild(), "slow");
        CompletableFuture<Void> release = harness.replies.hold("ponder");
        SimMessage slow = harness.simulator.users().post(cast.alice(), channel, "@Bob ponder the universe");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requestFor(slow.id()).isPresent()
                && time.waiting() >= 1);
        SimMessage quick = harness.simulator.users().post(cast.alice(), channel, "@Bob quick question");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requestFor(quick.id()).isPresent());
        // the quick reply is ready but waits its turn behind the slow one
        assertThat(harness.postsIn(channel)).isEmpty();

        time.advance(Duration.ofMinutes(10));

        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 2);
        assertThat(posts).extracting(BotActivity.Posted::content)
                .anySatisfy(c -> assertThat(c).isEqualTo(BotTexts.TAKING_LONGER))
                .anySatisfy(c -> assertThat(c).startsWith("Bob: quick question"));
        BotActivity.Posted notice = posts.stream().filter(p -> p.content().equals(BotTexts.TAKING_LONGER))
                .findFirst().orElseThrow();
        assertThat(notice.viaWebhook()).isFalse();
        assertThat(notice.message().replyTo()).isEqualTo(Optional.of(slow.id()));

        release.complete(null);
        assertThat(harness.awaitPosts(channel, 3).get(2).content()).startsWith("Bob: ponder the universe");
    }

    @Test
    void aReplyReadyInTimeGetsNoNotice() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(cast.guild(), "prompt");
        harness.simulator.users().post(cast.alice(), channel, "@Bob hello");
        harness.awaitPosts(channel, 1);

        time.advance(Duration.ofMinutes(10));

        assertThat(harness.postsIn(channel)).extracting(BotActivity.Posted::content)
                .noneMatch(BotTexts.TAKING_LONGER::equals);
    }
}
