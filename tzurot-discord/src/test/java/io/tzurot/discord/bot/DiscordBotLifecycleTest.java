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
import java.util.Optional;
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
        BotHarness.Cast cast = harness.cast("Lifecycle Guild");
        guild = cast.guild();
        alice = cast.alice();
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
        int resumes = harness.simulator.gateway().resumeCount();
        Held held = replyHeldIn("resume", "patience");

        harness.simulator.gateway().disconnect();
        // sent while the bot is away (or just back): replayed on RESUME, answered once
        harness.simulator.users().post(alice, held.channel(), "@Bob while you were away");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.simulator.gateway().resumeCount() > resumes);

        releaseThenAsk(held, "@Bob after the resume", "Bob: patience", "Bob: while you were away",
                "Bob: after the resume");
    }

    @Test
    void aReplyPendingWhenTheSessionIsLostArrivesOnceAfterTheBotIdentifiesAgain() {
        int identifies = harness.simulator.gateway().identifyCount();
        Held held = replyHeldIn("reidentify", "steady");

        harness.simulator.gateway().invalidateSessionsAndDisconnect();
        await().atMost(BotHarness.PATIENCE).until(() -> harness.simulator.gateway().identifyCount() > identifies);

        releaseThenAsk(held, "@Bob after identifying again", "Bob: steady", "Bob: after identifying again");
    }

    /** A message whose reply the engine holds back, in a channel of its own. */
    private Held replyHeldIn(String channelName, String word) {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, channelName);
        harness.verified(alice);
        CompletableFuture<Void> release = harness.replies.hold(word);
        SimMessage asked = harness.simulator.users().post(alice, channel, word + " @Bob");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requestFor(asked.id()).isPresent());
        return new Held(channel, asked, release);
    }

    private record Held(SimTextChannel channel, SimMessage asked, CompletableFuture<Void> release) {
    }

    /**
     * Lets the held reply go, sends one more message, and checks that every reply arrived once and in order
     * (the held message reached the engine only once).
     */
    private void releaseThenAsk(Held held, String followUp, String... expectedStarts) {
        held.release().complete(null);
        harness.simulator.users().post(alice, held.channel(), followUp);

        List<BotActivity.Posted> replies = harness.awaitPosts(held.channel(), expectedStarts.length);
        assertThat(replies).extracting(BotActivity.Posted::content).hasSize(expectedStarts.length)
                .zipSatisfy(List.of(expectedStarts), (content, start) -> assertThat(content).startsWith(start));
        assertThat(harness.replies.requests()).filteredOn(r -> r.triggerMessageId().equals(
                Optional.of(Long.toString(held.asked().id())))).hasSize(1);
    }

    @Test
    void talkingToACharacterNeedsOneVerificationInAnNsfwChannel() {
        SimUser newcomer = harness.simulator.world().createMember(guild, "newcomer");
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

    @Test
    void theVerificationPromptsAreDeletedOnceTheUserVerifies() {
        SimUser visitor = harness.simulator.world().createMember(guild, "visitor");
        SimTextChannel lobby = harness.simulator.world().createTextChannel(guild, "lobby");
        SimTextChannel lounge = harness.simulator.world().createTextChannel(guild, "lounge", true);
        io.tzurot.testkit.discord.state.SimDmChannel dm = harness.simulator.world().dmChannel(visitor);

        harness.simulator.users().post(visitor, lobby, "@Bob hello");
        long inLobby = harness.awaitPosts(lobby, 1).get(0).message().id();
        harness.simulator.users().post(visitor, dm, "hello in private");
        long inDm = harness.awaitPosts(dm, 1).get(0).message().id();
        assertThat(harness.postsIn(dm).get(0).content()).contains("Age Verification Required");

        harness.simulator.users().post(visitor, lounge, "@Bob hello here");
        harness.awaitPosts(lounge, 2);

        await().atMost(BotHarness.PATIENCE).until(() -> deleted(lobby.id(), inLobby) && deleted(dm.id(), inDm));
    }

    private boolean deleted(long channelId, long messageId) {
        return harness.simulator.activity().stream().anyMatch(a -> a instanceof BotActivity.Deleted d
                && d.channelId() == channelId && d.messageId() == messageId);
    }
}
