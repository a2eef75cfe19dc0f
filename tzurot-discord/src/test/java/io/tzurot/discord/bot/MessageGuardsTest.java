package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.limits.MessageClaims;
import io.tzurot.core.limits.RateLimiting;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.messaging.keys.RedisKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.storage.limits.JdbiRateLimitsRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.testkit.ServiceTargets;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two gateway processes on one shard (both receive every message, as overlapping or resumed sessions do), sharing
 * one Redis key store, each with its own engine: a message is answered once, a user over the reply rate limit is
 * told exactly once across both, and bots and foreign webhooks are never answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageGuardsTest {

    private BotHarness harness;
    private RedisMessaging redisOne;
    private RedisMessaging redisTwo;
    private ScriptedReplyService engineOne;
    private ScriptedReplyService engineTwo;
    private DiscordBot one;
    private DiscordBot two;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void start() {
        String url = ServiceTargets.redisUrl();
        String prefix = "tzurot-test-" + UUID.randomUUID();
        redisOne = RedisMessaging.connect(url, prefix);
        redisTwo = RedisMessaging.connect(url, prefix);
        harness = BotHarness.withoutBot("guards");
        guild = harness.simulator.world().createGuild("Guarded Guild");
        alice = harness.simulator.world().createMember(guild, "alice");
        harness.character(alice, "bob", "Bob", null, true);
        engineOne = new ScriptedReplyService(harness.personalities);
        engineTwo = new ScriptedReplyService(harness.personalities);
        JdbiRateLimitsRepository limits = new JdbiRateLimitsRepository(harness.database.jdbi(),
                new JdbiAdminSettingsRepository(harness.database.jdbi(), Clock.systemUTC()), Clock.systemUTC());
        // two replies at once, then one a minute: the test's burst of five leaves three over the limit
        limits.set(new RateLimits(2, 1, 20, 30, 50), null);
        one = new DiscordBot(harness.settings(), services(engineOne, redisOne, limits));
        two = new DiscordBot(harness.settings(), services(engineTwo, redisTwo, limits));
        one.start();
        two.start();
    }

    private DiscordServices services(ScriptedReplyService engine, RedisMessaging redis, JdbiRateLimitsRepository limits) {
        RedisKeyStore keys = new RedisKeyStore(redis);
        return harness.services(engine).withGuards(new MessageGuards(new MessageClaims(keys),
                new RateLimiting(keys, limits, Clock.systemUTC())));
    }

    @AfterAll
    void stop() {
        Stream.of(one, two).filter(b -> b != null).forEach(DiscordBot::stop);
        if (harness != null) {
            harness.close();
        }
        if (redisTwo != null) {
            redisTwo.close();
        }
        if (redisOne != null) {
            // the buckets, notices and claims of this run
            List<String> keys = redisOne.commands().keys(redisOne.prefix() + "*");
            if (!keys.isEmpty()) {
                redisOne.commands().unlink(keys.toArray(String[]::new));
            }
            redisOne.close();
        }
    }

    @Test
    void aMessageReachingTwoGatewaysIsAnsweredOnce() {
        SimUser carol = member("carol");
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "once");
        SimMessage first = harness.simulator.users().post(carol, channel, "@Bob are you there?");
        harness.awaitPosts(channel, 1);
        // a later message as a barrier: both gateways have passed the first by the time it is answered
        SimMessage second = harness.simulator.users().post(carol, channel, "@Bob and now?");
        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 2);

        assertThat(posts).extracting(BotActivity.Posted::content)
                .containsExactly("Bob: are you there?\n" + ScriptedReplyService.FOOTER,
                        "Bob: and now?\n" + ScriptedReplyService.FOOTER);
        assertThat(requestsFrom(carol)).extracting(r -> r.triggerMessageId().orElseThrow())
                .containsExactlyInAnyOrder(Long.toString(first.id()), Long.toString(second.id()));
    }

    @Test
    void aUserOverTheRateLimitIsToldExactlyOnceAcrossBothGateways() {
        SimUser dave = member("dave");
        SimUser erin = member("erin");
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "flood");
        for (int i = 1; i <= 5; i++) {
            harness.simulator.users().post(dave, channel, "@Bob message " + i);
        }
        await().atMost(BotHarness.PATIENCE).until(() -> requestsFrom(dave).size() == 2
                && noticesIn(channel).size() == 1);
        harness.simulator.users().post(erin, channel, "@Bob I am not dave");
        await().atMost(BotHarness.PATIENCE).until(() -> requestsFrom(erin).size() == 1);
        harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: I am not dave"), 1);

        assertThat(requestsFrom(dave)).as("replies dave got").hasSize(2);
        assertThat(noticesIn(channel)).singleElement().satisfies(notice -> {
            assertThat(notice.viaWebhook()).isFalse();
            assertThat(notice.content()).contains("faster than I can answer");
        });
        assertThat(harness.postsIn(channel)).as("two replies, one notice, erin's reply").hasSize(4);
    }

    @Test
    void otherBotsAndForeignWebhooksAreNeverAnswered() {
        SimUser frank = member("frank");
        SimUser otherBot = harness.simulator.world().createOtherBot(guild, "helperbot");
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "loops");
        SimWebhook hook = harness.simulator.users().createWebhook(frank, channel, "Relay");

        harness.simulator.users().post(otherBot, channel, "@Bob answer a bot");
        harness.simulator.users().executeWebhook(hook, "Not A Person", null, "@Bob answer a webhook");
        harness.simulator.users().post(frank, channel, "@Bob answer a person");
        harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: answer a person"), 1);

        assertThat(harness.postsIn(channel)).singleElement()
                .satisfies(p -> assertThat(p.content()).startsWith("Bob: answer a person"));
        assertThat(Stream.concat(engineOne.requests().stream(), engineTwo.requests().stream())
                .filter(r -> r.channelId().equals(Long.toString(channel.id())))).hasSize(1);
    }

    private SimUser member(String name) {
        SimUser user = harness.simulator.world().createMember(guild, name);
        harness.verified(user);
        return user;
    }

    private List<ReplyRequest> requestsFrom(SimUser user) {
        List<ReplyRequest> all = new ArrayList<>(engineOne.requests());
        all.addAll(engineTwo.requests());
        return all.stream().filter(r -> r.speaker().discordId().equals(Long.toString(user.id()))).toList();
    }

    private List<BotActivity.Posted> noticesIn(SimTextChannel channel) {
        return harness.postsIn(channel).stream().filter(p -> p.content().contains("faster than I can answer")).toList();
    }
}
