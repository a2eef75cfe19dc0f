package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;

/**
 * {@code --shards 0-0 --shard-total 2} and {@code --shards 1-1 --shard-total 2}: two bots (two processes in
 * production) split the guilds as Discord routes them, and each message is answered once, by its shard's bot.
 */
class ShardingTest {

    @Test
    void twoProcessesEachTakeOneShardAndAnswerOnlyTheirGuilds() {
        try (BotHarness harness = BotHarness.withoutBot("sharding")) {
            SimGuild first = harness.simulator.world().createGuildOnShard("Shard Zero", 0, 2);
            SimGuild second = harness.simulator.world().createGuildOnShard("Shard One", 1, 2);
            SimUser alice = harness.simulator.world().createMember(first, "alice");
            harness.simulator.world().addMember(second, alice);
            harness.character(alice, "bob", "Bob", null, true);
            SimTextChannel zeroChannel = harness.simulator.world().createTextChannel(first, "zero");
            SimTextChannel oneChannel = harness.simulator.world().createTextChannel(second, "one");
            ScriptedReplyService zeroEngine = new ScriptedReplyService(harness.personalities);
            ScriptedReplyService oneEngine = new ScriptedReplyService(harness.personalities);

            try (DiscordBot zero = new DiscordBot(harness.settings().withShards(new ShardRange(0, 0, 2)),
                    harness.services(zeroEngine));
                 DiscordBot one = new DiscordBot(harness.settings().withShards(ShardRange.parse("1-1", 2)),
                         harness.services(oneEngine))) {
                zero.start();
                one.start();
                JDA zeroShard = zero.shards().get(0);
                JDA oneShard = one.shards().get(0);
                assertThat(zeroShard.getShardInfo().getShardId()).isZero();
                assertThat(oneShard.getShardInfo().getShardId()).isOne();
                assertThat(zeroShard.getGuilds()).extracting(g -> g.getIdLong()).containsExactly(first.id());
                assertThat(oneShard.getGuilds()).extracting(g -> g.getIdLong()).containsExactly(second.id());

                SimMessage toZero = harness.simulator.users().post(alice, zeroChannel, "@Bob hello shard zero");
                SimMessage toOne = harness.simulator.users().post(alice, oneChannel, "@Bob hello shard one");
                List<BotActivity.Posted> zeroReplies = harness.awaitPosts(zeroChannel, 1);
                List<BotActivity.Posted> oneReplies = harness.awaitPosts(oneChannel, 1);

                assertThat(zeroReplies).singleElement()
                        .satisfies(p -> assertThat(p.content()).startsWith("Bob: hello shard zero"));
                assertThat(oneReplies).singleElement()
                        .satisfies(p -> assertThat(p.content()).startsWith("Bob: hello shard one"));
                assertThat(zeroEngine.requests()).extracting(r -> r.triggerMessageId().orElseThrow())
                        .containsExactly(Long.toString(toZero.id()));
                assertThat(oneEngine.requests()).extracting(r -> r.triggerMessageId().orElseThrow())
                        .containsExactly(Long.toString(toOne.id()));
            }
        }
    }
}
