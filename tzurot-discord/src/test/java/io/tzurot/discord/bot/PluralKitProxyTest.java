package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.discord.proxy.PluralKitSettings;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.discord.state.SimWebhook;
import io.tzurot.testkit.pluralkit.FakePluralKitServer;
import io.tzurot.testkit.pluralkit.FakePluralKitServer.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PluralKit's delete-and-repost in the Discord simulator, against a fake PluralKit API: with {@code TZUROT_PLURALKIT}
 * on, the repost is answered once, as its human author's (their denylist entry applies, the member's name is the
 * speaker's), the deleted original is not, and a webhook PluralKit does not know (or cannot answer for) stays
 * ignored; with it off, reposts are ignored like every webhook message.
 */
class PluralKitProxyTest {

    /** A bot, a fake PluralKit knowing the reposts a test registers by their text, and PluralKit's webhook. */
    abstract static class Scene {
        BotHarness harness;
        FakePluralKitServer pluralKit;
        DiscordBot bot;
        SimGuild guild;
        SimUser alice;
        SimWebhook proxyHook;
        SimTextChannel channel;
        final Map<String, Proxy> reposts = new ConcurrentHashMap<>();

        abstract boolean enabled();

        @BeforeAll
        void start() {
            pluralKit = FakePluralKitServer.start();
            harness = BotHarness.withoutBot("pluralkit-" + enabled());
            guild = harness.simulator.world().createGuild("Plural Guild");
            alice = harness.simulator.world().createMember(guild, "alice");
            harness.character(alice, "bob", "Bob", null, true);
            SimUser pkBot = harness.simulator.world().createOtherBot(guild, "PluralKit");
            channel = harness.simulator.world().createTextChannel(guild, "proxied");
            proxyHook = harness.simulator.users().createWebhook(pkBot, channel, "PluralKit Proxy Webhook");
            // PluralKit knows each message it reposted through its webhook
            pluralKit.resolveWith(id -> harness.simulator.message(channel, id)
                    .filter(m -> m.author() instanceof MessageAuthor.Webhook w && w.webhookId() == proxyHook.id())
                    .flatMap(m -> Optional.ofNullable(reposts.get(m.content()))));
            bot = new DiscordBot(harness.settings(), harness.services());
            if (enabled()) {
                bot.withPluralKit(new PluralKitSettings(URI.create(pluralKit.baseUrl()), PluralKitSettings.DEFAULT_GRACE));
            }
            bot.start();
        }

        @AfterAll
        void stop() {
            if (bot != null) {
                bot.stop();
            }
            if (harness != null) {
                harness.close();
            }
            if (pluralKit != null) {
                pluralKit.close();
            }
        }

        /** {@code user} writes {@code text} with a proxy tag; PluralKit deletes it and reposts it as the member. */
        SimMessage proxy(SimUser user, String memberName, String displayName, String text) {
            SimMessage original = harness.simulator.users().post(user, channel, text);
            reposts.put(text, new Proxy(original.id(), user.id(), memberName, displayName));
            harness.simulator.users().delete(original);
            return harness.simulator.users().executeWebhook(proxyHook, displayName == null ? memberName : displayName,
                    null, text);
        }

        SimUser member(String name) {
            SimUser user = harness.simulator.world().createMember(guild, name);
            harness.verified(user);
            return user;
        }

        /** A person's plain message, answered after everything posted before it was decided. */
        void barrier(SimUser user, String text) {
            harness.simulator.users().post(user, channel, "@Bob " + text);
            harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: " + text), 1);
        }

        List<ReplyRequest> requestsFrom(SimUser user) {
            return harness.replies.requests().stream()
                    .filter(r -> r.speaker().discordId().equals(Long.toString(user.id()))).toList();
        }

        List<BotActivity.Posted> postsStarting(String text) {
            return harness.postsIn(channel).stream().filter(p -> p.content().startsWith(text)).toList();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Enabled extends Scene {

        @Override
        boolean enabled() {
            return true;
        }

        @Test
        void aProxiedMessageIsAnsweredOnceAsItsHumanAuthorUnderTheMembersName() {
            SimUser carol = member("carol");
            SimMessage repost = proxy(carol, "luna", "Luna 🌙", "@Bob hello from Luna");
            harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: hello from Luna"), 1);
            barrier(member("dan"), "after luna");

            assertThat(postsStarting("Bob: hello from Luna")).as("the repost answered, the original not").hasSize(1);
            assertThat(requestsFrom(carol)).singleElement().satisfies(r -> {
                assertThat(r.triggerMessageId()).contains(Long.toString(repost.id()));
                assertThat(r.speaker().displayName()).isEqualTo("Luna 🌙");
                assertThat(r.speaker().username()).isEqualTo("carol");
            });
        }

        @Test
        void aMemberWithoutDisplayNameSpeaksUnderItsName() {
            SimUser erin = member("erin");
            proxy(erin, "Sol", null, "@Bob hi from Sol");
            harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: hi from Sol"), 1);

            assertThat(requestsFrom(erin)).singleElement()
                    .satisfies(r -> assertThat(r.speaker().displayName()).isEqualTo("Sol"));
        }

        @Test
        void theHumansDenylistEntryAppliesToTheirProxiedMessages() {
            SimUser mallory = member("mallory");
            harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(mallory.id()), DenylistScope.BOT,
                    null, DenylistMode.BLOCK, "spam", "0", Instant.now(), null));
            int before = pluralKit.requests().size();
            proxy(mallory, "shade", "Shade", "@Bob let a blocked system in");
            await().atMost(BotHarness.PATIENCE).until(() -> pluralKit.requests().size() > before);
            barrier(member("frank"), "after shade");

            assertThat(requestsFrom(mallory)).isEmpty();
            assertThat(postsStarting("Bob: let a blocked")).isEmpty();
        }

        @Test
        void aWebhookPluralKitDoesNotKnowOrCannotAnswerForIsIgnored() {
            SimUser grace = member("grace");
            SimWebhook relay = harness.simulator.users().createWebhook(grace, channel, "Relay");
            int before = pluralKit.requests().size();
            SimMessage relayed = harness.simulator.users().executeWebhook(relay, "Not A Person", null,
                    "@Bob answer a relay");
            // not found, asked again a second later (PluralKit may not have stored a fresh repost yet), not found
            await().atMost(BotHarness.PATIENCE).until(() -> pluralKit.requests().size() >= before + 2);
            // PluralKit rate limits the next look-up: that repost is dropped, not guessed at
            pluralKit.failNext(1, 429);
            proxy(grace, "nova", "Nova", "@Bob answer while rate limited");
            await().atMost(BotHarness.PATIENCE).until(() -> pluralKit.requests().size() >= before + 3);
            barrier(grace, "after the relay");

            assertThat(pluralKit.requests().subList(before, before + 2)).containsOnly(Long.toString(relayed.id()));
            assertThat(postsStarting("Bob: answer a relay")).isEmpty();
            assertThat(postsStarting("Bob: answer while rate limited")).isEmpty();
            assertThat(requestsFrom(grace)).singleElement()
                    .satisfies(r -> assertThat(r.message()).contains("after the relay"));
        }

        @Test
        void aRepostPluralKitHasNotStoredYetIsAskedAgainAndAnswered() {
            SimUser olive = member("olive");
            pluralKit.failNext(1, 404);
            proxy(olive, "wren", "Wren", "@Bob hello once stored");
            harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: hello once stored"), 1);

            assertThat(requestsFrom(olive)).singleElement()
                    .satisfies(r -> assertThat(r.speaker().displayName()).isEqualTo("Wren"));
        }

        @Test
        void theBotsOwnCharacterPostsAreNeverLookedUp() {
            int before = pluralKit.requests().size();
            barrier(member("heidi"), "one reply");
            barrier(member("ivan"), "another reply");

            assertThat(pluralKit.requests()).hasSize(before);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Disabled extends Scene {

        @Override
        boolean enabled() {
            return false;
        }

        @Test
        void repostsAreIgnoredAndPeopleAnsweredWithoutWaitingAsBefore() {
            SimUser judy = member("judy");
            SimMessage original = harness.simulator.users().post(judy, channel, "@Bob answer me directly");
            harness.awaitPosts(p -> p.channelId() == channel.id() && p.content().startsWith("Bob: answer me directly"), 1);
            SimMessage repost = proxy(judy, "kit", "Kit", "@Bob answer the proxy");
            barrier(member("ken"), "after kit");

            // the original of the repost may or may not be read before PluralKit deletes it, as without this feature
            assertThat(requestsFrom(judy)).extracting(r -> r.triggerMessageId().orElseThrow())
                    .contains(Long.toString(original.id())).doesNotContain(Long.toString(repost.id()));
            assertThat(harness.replies.requests()).noneMatch(r -> r.speaker().displayName().equals("Kit"));
            assertThat(pluralKit.requests()).isEmpty();
        }
    }
}
