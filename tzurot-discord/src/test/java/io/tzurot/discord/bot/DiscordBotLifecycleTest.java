package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Logging in, a rejected token, a gateway resume in the middle of a reply, and the NSFW gate. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordBotLifecycleTest {

    private BotHarness harness;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void start() {
        harness = BotHarness.start("lifecycle");
        guild = harness.simulator.world().createGuild("Lifecycle Guild");
        alice = harness.simulator.world().createUser("alice");
        harness.simulator.world().addMember(guild, alice);
        harness.character(alice, "bob", "Bob", null, true);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void theBotRunsWithTheReferencesIntentsAndOneShard() {
        assertThat(harness.bot().shards()).singleElement()
                .satisfies(jda -> assertThat(jda.getGatewayIntents()).containsAll(DiscordBot.INTENTS));
    }

    @Test
    void aRejectedTokenIsAClearLoginFailureThatDoesNotRevealTheToken() {
        String wrong = "definitely-not-the-token";
        DiscordSettings settings = DiscordSettings.of(wrong).withEndpoints(URI.create(harness.simulator.restBaseUrl()),
                URI.create(harness.simulator.gatewayUrl()));
        DiscordBot bot = new DiscordBot(settings, harness.services());

        assertThatThrownBy(bot::start).isInstanceOf(DiscordLoginException.class)
                .hasMessageContaining("DISCORD_TOKEN").message().doesNotContain(wrong);
        assertThat(bot.shards()).isEmpty();
    }

    @Test
    void aReplyInFlightDuringAGatewayResumeIsStillDelivered() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "resume");
        harness.verified(alice);
        int resumes = harness.simulator.gateway().resumeCount();
        CompletableFuture<Void> slow = harness.replies.hold("patience");
        SimMessage asked = harness.simulator.users().post(alice, channel, "patience @Bob");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requestFor(asked.id()).isPresent());

        harness.simulator.gateway().disconnect();
        // sent while the bot is away (or just back): replayed on RESUME, answered once
        harness.simulator.users().post(alice, channel, "@Bob while you were away");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.simulator.gateway().resumeCount() > resumes);
        slow.complete(null);
        harness.simulator.users().post(alice, channel, "@Bob after the resume");

        List<BotActivity.Posted> replies = harness.awaitPosts(channel, 3);
        assertThat(replies).extracting(BotActivity.Posted::content).satisfiesExactly(
                c -> assertThat(c).startsWith("Bob: patience"), c -> assertThat(c).startsWith("Bob: while you were away"),
                c -> assertThat(c).startsWith("Bob: after the resume"));
        assertThat(harness.replies.requests()).filteredOn(r -> r.triggerMessageId().equals(
                java.util.Optional.of(Long.toString(asked.id())))).hasSize(1);
    }

    @Test
    void aReplyPendingWhenTheSessionIsLostArrivesOnceAfterTheBotIdentifiesAgain() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "reidentify");
        harness.verified(alice);
        int identifies = harness.simulator.gateway().identifyCount();
        CompletableFuture<Void> slow = harness.replies.hold("steady");
        SimMessage asked = harness.simulator.users().post(alice, channel, "steady @Bob");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requestFor(asked.id()).isPresent());

        harness.simulator.gateway().invalidateSessionsAndDisconnect();
        await().atMost(BotHarness.PATIENCE).until(() -> harness.simulator.gateway().identifyCount() > identifies);
        slow.complete(null);
        harness.simulator.users().post(alice, channel, "@Bob after identifying again");

        List<BotActivity.Posted> replies = harness.awaitPosts(channel, 2);
        assertThat(replies).extracting(BotActivity.Posted::content).satisfiesExactly(
                c -> assertThat(c).startsWith("Bob: steady"), c -> assertThat(c).startsWith("Bob: after identifying again"));
        assertThat(harness.replies.requests()).filteredOn(r -> r.triggerMessageId().equals(
                java.util.Optional.of(Long.toString(asked.id())))).hasSize(1);
    }

    @Test
    void talkingToACharacterNeedsOneVerificationInAnNsfwChannel() {
        SimUser newcomer = harness.simulator.world().createUser("newcomer");
        harness.simulator.world().addMember(guild, newcomer);
        SimTextChannel safe = harness.simulator.world().createTextChannel(guild, "safe");
        SimTextChannel adult = harness.simulator.world().createTextChannel(guild, "adult", true);

        harness.simulator.users().post(newcomer, safe, "@Bob hello");
        assertThat(harness.awaitPosts(safe, 1).get(0).content()).contains("Age Verification Required");

        harness.simulator.users().post(newcomer, adult, "@Bob hello here");
        List<BotActivity.Posted> adultPosts = harness.awaitPosts(adult, 2);
        assertThat(adultPosts.get(0).content()).contains("NSFW verification complete");
        assertThat(adultPosts.get(1).content()).startsWith("Bob: hello here");

        harness.simulator.users().post(newcomer, safe, "@Bob hello again");
        assertThat(harness.awaitPosts(safe, 2).get(1).content()).startsWith("Bob: hello again");
    }
}
