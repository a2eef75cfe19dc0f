package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Mentions, activation and chunking, end to end: real JDA against the simulator, a scripted engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MentionDeliveryTest {

    private BotHarness harness;
    private SimGuild guild;
    private SimUser alice;
    private Personality lilith;
    private Personality bob;

    @BeforeAll
    void start() {
        harness = BotHarness.start("mentions");
        guild = harness.simulator.world().createGuild("Mention Guild");
        alice = harness.simulator.world().createMember(guild, "alice");
        harness.verified(alice);
        lilith = harness.character(alice, "lilith", "Lilith", "Lilith the Wise", true);
        harness.personalities.setAvatar(lilith.id(), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        bob = harness.character(alice, "bob", "Bob", null, true);
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void aMentionIsAnsweredThroughTheWebhookWithNameAvatarAndFooter() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "general");
        SimMessage posted = harness.simulator.users().post(alice, channel, "@Lilith what is wisdom?");

        BotActivity.Posted reply = harness.awaitPosts(channel, 1).get(0);

        assertThat(reply.viaWebhook()).isTrue();
        assertThat(reply.webhookUsername()).contains("Lilith the Wise · Tzurot");
        // versioned by the character's updated_at, which moves with its avatar
        assertThat(reply.webhookAvatarUrl().orElseThrow()).startsWith(BotHarness.PUBLIC_URL + "/avatars/lilith.png?v=");
        assertThat(reply.content()).isEqualTo("Lilith: what is wisdom?\n" + ScriptedReplyService.FOOTER);
        ReplyRequest request = harness.replies.requestFor(posted.id()).orElseThrow();
        assertThat(request.requestId()).isEqualTo("discord:" + posted.id());
        assertThat(request.personality()).isEqualTo(lilith.id().toString());
        assertThat(request.speaker().discordId()).isEqualTo(Long.toString(alice.id()));
        assertThat(request.guildId()).contains(Long.toString(guild.id()));
        // the bot records a post once Discord has answered it, so the record may trail the post by a moment
        assertThat(await().atMost(BotHarness.PATIENCE).until(() -> harness.delivered.find(
                Long.toString(reply.message().id())), java.util.Optional::isPresent))
                .hasValueSatisfying(d -> assertThat(d.personalityId()).isEqualTo(lilith.id()));
    }

    @Test
    void aCharacterWithoutAvatarIsPostedWithoutOne() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "plain");
        harness.simulator.users().post(alice, channel, "hi @bob");

        BotActivity.Posted reply = harness.awaitPosts(channel, 1).get(0);

        assertThat(reply.webhookUsername()).contains("Bob · Tzurot");
        assertThat(reply.webhookAvatarUrl().filter(url -> !url.isEmpty())).isEmpty();
        assertThat(reply.content()).startsWith("Bob: hi\n");
    }

    @Test
    void inAThreadTheParentsWebhookPostsIntoTheThread() {
        SimTextChannel parent = harness.simulator.world().createTextChannel(guild, "threads");
        SimThreadChannel thread = harness.simulator.world().createThread(parent, "a thread", alice);
        harness.simulator.users().post(alice, thread, "@Lilith in a thread");

        BotActivity.Posted reply = harness.awaitPosts(p -> p.channelId() == thread.id(), 1).get(0);

        assertThat(reply.threadParentId()).contains(parent.id());
        assertThat(reply.webhookUsername()).contains("Lilith the Wise · Tzurot");
        assertThat(reply.content()).startsWith("Lilith: in a thread");
        assertThat(harness.replies.requests()).anySatisfy(r -> assertThat(r.location().orElseThrow().toString())
                .contains("a thread"));
    }

    @Test
    void twoMentionedCharactersAnswerInOrder() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "duo");
        // Bob's reply is ready first, but Lilith was mentioned first and must speak first
        CompletableFuture<Void> lilithHold = harness.replies.holdWhen(r -> r.message().equals("together now")
                && r.personality().equals(lilith.id().toString()));
        SimMessage posted = harness.simulator.users().post(alice, channel, "@Lilith @Bob together now");
        await().atMost(BotHarness.PATIENCE).until(() -> harness.replies.requests().stream()
                .filter(r -> r.triggerMessageId().equals(Optional.of(Long.toString(posted.id())))).count() == 2);
        assertThat(harness.postsIn(channel)).isEmpty();
        lilithHold.complete(null);

        List<BotActivity.Posted> replies = harness.awaitPosts(channel, 2);

        assertThat(replies).extracting(p -> p.webhookUsername().orElseThrow()).containsExactly("Lilith the Wise · Tzurot", "Bob · Tzurot");
        assertThat(replies.get(0).content()).startsWith("Lilith: together now");
        assertThat(harness.replies.requests()).filteredOn(r -> r.requestId().startsWith("discord:" + posted.id()))
                .extracting(ReplyRequest::requestId)
                .containsExactlyInAnyOrder("discord:" + posted.id() + ":lilith", "discord:" + posted.id() + ":bob");
    }

    @Test
    void anActivatedChannelAnswersEveryMessageButAnExplicitMentionWins() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "activated");
        harness.channels.activate(Long.toString(channel.id()), Long.toString(guild.id()), lilith.id(), null, 5);

        harness.simulator.users().post(alice, channel, "just chatting");
        harness.awaitPosts(channel, 1);
        harness.simulator.users().post(alice, channel, "@Bob what do you think?");
        List<BotActivity.Posted> replies = harness.awaitPosts(channel, 2);

        assertThat(replies).extracting(p -> p.webhookUsername().orElseThrow()).containsExactly("Lilith the Wise · Tzurot", "Bob · Tzurot");
        assertThat(replies.get(0).content()).startsWith("Lilith: just chatting")
                .endsWith(ScriptedReplyService.FOOTER + " • 📍 auto");
        assertThat(replies.get(1).content()).startsWith("Bob: what do you think?")
                .endsWith(ScriptedReplyService.FOOTER).doesNotContain("📍");
    }

    @Test
    void aLongReplyWithCodeArrivesInWellFormedChunks() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "long");
        String code = "```java\n" + "System.out.println(\"line\");\n".repeat(40) + "```";
        String prose = "This is a fairly ordinary sentence about nothing much. ".repeat(50);
        String longReply = prose + "\n\n" + code + "\n\n" + prose;
        harness.replies.script("essay", r -> harness.replies.replied(r, longReply));
        harness.simulator.users().post(alice, channel, "essay @Lilith");

        await().atMost(BotHarness.PATIENCE).until(() -> harness.postsIn(channel).stream()
                .anyMatch(p -> p.content().endsWith(ScriptedReplyService.FOOTER)));
        List<BotActivity.Posted> chunks = harness.postsIn(channel);

        assertThat(longReply.length()).isGreaterThan(5000);
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> {
            assertThat(p.content()).hasSizeLessThanOrEqualTo(2000);
            assertThat(p.content().lines().filter(l -> l.startsWith("```")).count() % 2).isZero();
            assertThat(p.webhookUsername()).contains("Lilith the Wise · Tzurot");
        });
        assertThat(chunks).anySatisfy(p -> assertThat(p.content()).contains(code));
        assertThat(chunks.get(chunks.size() - 1).content()).endsWith(ScriptedReplyService.FOOTER);
        assertThat(String.join(" ", chunks.stream().map(BotActivity.Posted::content).toList()).replaceAll("\\s+", " "))
                .contains(prose.strip().replaceAll("\\s+", " ").substring(0, 500));
    }

    @Test
    void aFailedReplyPostsItsUserMessageWithCategoryAndReferenceInASpoiler() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "failing");
        harness.replies.script("broken", r -> harness.replies.failed(r, "I can't think right now."));
        harness.simulator.users().post(alice, channel, "broken @Bob please");

        BotActivity.Posted reply = harness.awaitPosts(channel, 1).get(0);

        assertThat(reply.content()).isEqualTo("I can't think right now. ||*(error: model error; ref: ref-1)*||");
        assertThat(reply.webhookUsername()).contains("Bob · Tzurot");
    }

    @Test
    void theSameMessageSentTwiceToTheSameCharacterIsAnsweredOnce() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "double-send");
        harness.simulator.users().post(alice, channel, "@Bob is this on?");
        harness.simulator.users().post(alice, channel, "@Bob is this on?");
        harness.simulator.users().post(alice, channel, "@Bob now something else");

        // replies keep their triggers' order, so a second answer to the repeat would come before this one
        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 2);
        assertThat(posts).extracting(BotActivity.Posted::content)
                .satisfiesExactly(first -> assertThat(first).startsWith("Bob: is this on?"),
                        second -> assertThat(second).startsWith("Bob: now something else"));
    }

    @Test
    void aBareMentionOfTheBotGetsHelp() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "help");
        harness.simulator.users().post(alice, channel, "<@" + harness.simulator.botUser().id() + "> who are you?");

        BotActivity.Posted reply = harness.awaitPosts(channel, 1).get(0);

        assertThat(reply.viaWebhook()).isFalse();
        assertThat(reply.content()).contains("@character_name hello");
    }

    @Test
    void attachmentsTravelToTheEngine() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "pictures");
        var photo = harness.simulator.users().attachment("cat.png", "image/png", new byte[] {1, 2, 3, 4});
        SimMessage posted = harness.simulator.users().postWithAttachments(alice, channel, "@Bob look", photo);

        harness.awaitPosts(channel, 1);

        assertThat(harness.replies.requestFor(posted.id()).orElseThrow().attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("cat.png");
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.sizeBytes()).isEqualTo(4);
            assertThat(a.isImage()).isTrue();
            assertThat(a.voiceMessage()).isFalse();
        });
    }

    @Test
    void aPrivateActivatedCharacterTellsOthersOnceAndThreadsInheritActivation() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "private-activation");
        SimUser owner = harness.simulator.world().createMember(guild, "private-owner");
        Personality hidden = harness.character(owner, "hidden-one", "Hidden", null, false);
        harness.channels.activate(Long.toString(channel.id()), Long.toString(guild.id()), hidden.id(), null, 5);
        SimThreadChannel thread = harness.simulator.world().createThread(channel, "inherits", owner);

        harness.simulator.users().post(alice, channel, "hello?");
        harness.simulator.users().post(alice, channel, "hello again?");
        harness.simulator.users().post(alice, channel, "@Bob are you there?");
        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 2);
        harness.simulator.users().post(owner, thread, "mine, in a thread");

        assertThat(posts.get(0).content()).contains("**Hidden** activated").contains("private personality");
        assertThat(posts.get(1).content()).startsWith("Bob: are you there?");
        assertThat(harness.awaitPosts(p -> p.channelId() == thread.id(), 1).get(0).content())
                .startsWith("Hidden: mine, in a thread");
        assertThat(harness.postsIn(channel)).hasSize(2);
    }

    @Test
    void theLongestNameWinsAndAliasesAndSlugsAreMentionable() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "names");
        harness.character(alice, "bambi", "Bambi", null, true);
        harness.character(alice, "bambi-prime", "Bambi Prime", null, true);
        harness.personalities.addAlias(bob.id(), "bobby");

        SimMessage prime = harness.simulator.users().post(alice, channel, "@Bambi Prime, hello");
        harness.awaitPosts(channel, 1);
        harness.simulator.users().post(alice, channel, "@bobby hi");
        harness.simulator.users().post(alice, channel, "@bambi-prime hi by slug");
        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 3);

        assertThat(posts).extracting(p -> p.webhookUsername().orElseThrow())
                .containsExactly("Bambi Prime · Tzurot", "Bob · Tzurot", "Bambi Prime · Tzurot");
        assertThat(harness.replies.requests()).filteredOn(r -> r.triggerMessageId()
                .equals(Optional.of(Long.toString(prime.id())))).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("hello"));
    }
}
