package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReferenceInput;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Replies, restarts, access, denials, references and ordering, end to end against the simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuationTest {

    private BotHarness harness;
    private SimGuild guild;
    private SimUser owner;
    private SimUser alice;
    private Personality bob;

    @BeforeAll
    void start() {
        harness = BotHarness.start("continuation");
        owner = harness.simulator.world().createUser("guild-owner");
        guild = harness.simulator.world().createGuild("Continuation Guild", owner);
        alice = member("alice");
        bob = harness.character(alice, "bob", "Bob", null, true);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private SimUser member(String name) {
        SimUser user = harness.simulator.world().createMember(guild, name);
        harness.verified(user);
        return user;
    }

    /** Posts a message Bob answers and waits for it: everything queued earlier in the channel is then done. */
    private void syncWithBob(SimTextChannel channel, int postsSoFar) {
        harness.simulator.users().post(alice, channel, "@Bob sync");
        harness.awaitPosts(channel, postsSoFar + 1);
    }

    @Test
    void replyingToACharactersMessageContinuesEvenAfterARestart() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "continue");
        harness.simulator.users().post(alice, channel, "@Bob remember the number 7");
        SimMessage bobsMessage = harness.awaitPosts(channel, 1).get(0).message();

        harness.restartBot();
        SimMessage reply = harness.simulator.users().reply(alice, channel, bobsMessage, "which number was it?");

        BotActivity.Posted answer = harness.awaitPosts(channel, 2).get(1);
        assertThat(answer.webhookUsername()).contains("Bob · Tzurot");
        assertThat(answer.content()).startsWith("Bob: which number was it?");
        ReplyRequest request = harness.replies.requestFor(reply.id()).orElseThrow();
        assertThat(request.references()).extracting(ReferenceInput::messageId)
                .containsExactly(Optional.of(Long.toString(bobsMessage.id())));
    }

    @Test
    void aPrivateCharacterIsNotReachableByAnotherUsersReply() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "private");
        SimUser carol = member("carol");
        SimUser dave = member("dave");
        harness.character(carol, "carols-secret", "Secretive", null, false);
        harness.simulator.users().post(carol, channel, "@Secretive hello");
        SimMessage secretMessage = harness.awaitPosts(channel, 1).get(0).message();

        SimMessage daveReply = harness.simulator.users().reply(dave, channel, secretMessage, "let me in");
        syncWithBob(channel, 1);

        assertThat(harness.postsIn(channel)).hasSize(2);
        assertThat(harness.replies.requestFor(daveReply.id())).isEmpty();
    }

    @Test
    void aDirectMessageKeepsTalkingToTheLastCharacterAcrossARestart() {
        SimUser erin = member("erin");
        var dm = harness.simulator.world().dmChannel(erin);
        harness.simulator.users().post(erin, dm, "anyone there?");
        assertThat(harness.awaitPosts(dm, 1).get(0).content()).contains("No active conversation");

        harness.simulator.users().post(erin, dm, "@Bob hello");
        BotActivity.Posted first = harness.awaitPosts(dm, 2).get(1);
        harness.simulator.users().post(erin, dm, "and how are you?");
        BotActivity.Posted second = harness.awaitPosts(dm, 3).get(2);

        harness.restartBot(); // the session now comes from the durable record of who spoke last
        harness.simulator.users().post(erin, dm, "still there?");
        BotActivity.Posted third = harness.awaitPosts(dm, 4).get(3);

        assertThat(first.viaWebhook()).isFalse();
        assertThat(third.content()).startsWith("**Bob:** Bob: still there?");
        assertThat(first.content()).startsWith("**Bob:** Bob: hello");
        // the DM session answers without being addressed: an auto-response, marked as such
        assertThat(second.content()).startsWith("**Bob:** Bob: and how are you?")
                .endsWith(ScriptedReplyService.FOOTER + " • 📍 auto");
        assertThat(first.content()).endsWith(ScriptedReplyService.FOOTER);
    }

    @Test
    void aDeniedUserGetsNothingAndAnExpiredDenialNoLongerApplies() {
        SimTextChannel parent = harness.simulator.world().createTextChannel(guild, "denials");
        SimThreadChannel thread = harness.simulator.world().createThread(parent, "denial thread", owner);
        SimUser blocked = member("blocked");
        SimUser muted = member("muted-in-parent");
        SimUser forgiven = member("forgiven");
        Instant now = Instant.now();
        harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(blocked.id()), DenylistScope.BOT,
                null, DenylistMode.BLOCK, "spam", Long.toString(owner.id()), now, null));
        harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(muted.id()), DenylistScope.CHANNEL,
                Long.toString(parent.id()), DenylistMode.MUTE, null, Long.toString(owner.id()), now, null));
        harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(forgiven.id()), DenylistScope.BOT,
                null, DenylistMode.BLOCK, null, Long.toString(owner.id()), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1))));

        SimMessage fromBlocked = harness.simulator.users().post(blocked, parent, "@Bob hi");
        SimMessage fromMuted = harness.simulator.users().post(muted, thread, "@Bob hi from the thread");
        harness.simulator.users().post(forgiven, parent, "@Bob I'm back");
        syncWithBob(parent, 1);

        assertThat(harness.postsIn(parent)).extracting(BotActivity.Posted::content)
                .allSatisfy(c -> assertThat(c).doesNotContain("Bob: hi\n"))
                .anySatisfy(c -> assertThat(c).startsWith("Bob: I'm back"));
        assertThat(harness.replies.requestFor(fromBlocked.id())).isEmpty();
        assertThat(harness.replies.requestFor(fromMuted.id())).isEmpty();
    }

    @Test
    void aLinkToAChannelTheUserCannotSeeIsNotExpanded() {
        SimTextChannel open = harness.simulator.world().createTextChannel(guild, "open");
        SimTextChannel secret = harness.simulator.world().createTextChannel(guild, "secret");
        SimUser snoop = member("snoop");
        harness.simulator.world().setMemberOverwrite(secret, snoop, 0, Permissions.VIEW_CHANNEL);
        SimMessage visible = harness.simulator.users().post(owner, open, "the open plan");
        SimMessage hidden = harness.simulator.users().post(owner, secret, "the secret plan");
        String visibleLink = link(open, visible);
        String hiddenLink = link(secret, hidden);

        SimMessage asked = harness.simulator.users().post(snoop, open, "@Bob compare " + visibleLink + " and " + hiddenLink);
        harness.awaitPosts(open, 1);

        ReplyRequest request = harness.replies.requestFor(asked.id()).orElseThrow();
        assertThat(request.references()).extracting(ReferenceInput::content).containsExactly("the open plan");
        assertThat(request.message()).isEqualTo("compare [Reference 1] and " + hiddenLink);
    }

    @Test
    void twoQuickMessagesInOneChannelAreAnsweredInOrderWhileTyping() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "ordered");
        CompletableFuture<Void> slowFirst = harness.replies.hold("first");
        SimMessage first = harness.simulator.users().post(alice, channel, "first @Bob");
        SimMessage second = harness.simulator.users().post(alice, channel, "second @Bob");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requestFor(first.id()).isPresent()
                && harness.replies.requestFor(second.id()).isPresent());
        await().atMost(BotHarness.PATIENCE).until(() -> harness.simulator.activity().stream()
                .anyMatch(a -> a instanceof BotActivity.Typing typing && typing.channelId() == channel.id()));
        slowFirst.complete(null);

        List<BotActivity.Posted> replies = harness.awaitPosts(channel, 2);

        assertThat(replies).extracting(BotActivity.Posted::content)
                .satisfiesExactly(c -> assertThat(c).startsWith("Bob: first"), c -> assertThat(c).startsWith("Bob: second"));
    }

    private String link(SimTextChannel channel, SimMessage message) {
        return "https://discord.com/channels/" + guild.id() + "/" + channel.id() + "/" + message.id();
    }
}
