package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Voice auto-transcription in the trigger chain: after the denylist, before who answers; DMs and replies too. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceMessageTest {

    private final List<AttachmentInput> transcribed = new CopyOnWriteArrayList<>();
    private BotHarness harness;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void start() {
        harness = BotHarness.start("voice", services -> services.withVoice((voice, userId) -> {
            transcribed.add(voice);
            return CompletableFuture.completedFuture("spoken words of " + voice.durationSeconds().orElse(0) + " s");
        }));
        BotHarness.Cast cast = harness.cast("Voice Guild");
        guild = cast.guild();
        alice = cast.alice();
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void aVoiceReplyToACharacterIsTranscribedAndTheCharacterAnswersTheTranscript() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "voice-reply");
        harness.simulator.users().post(alice, channel, "@Bob hi");
        SimMessage bobSaid = harness.awaitPosts(channel, 1).get(0).message();
        await().atMost(BotHarness.PATIENCE).until(() -> harness.delivered.find(Long.toString(bobSaid.id())).isPresent());

        SimMessage voice = harness.simulator.users().voiceReply(alice, channel, bobSaid, new byte[] {1, 2, 3}, 2.0);
        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 3);

        assertThat(posts.get(1).viaWebhook()).isFalse();
        assertThat(posts.get(1).content()).isEqualTo("spoken words of 2.0 s");
        assertThat(posts.get(1).message().replyTo()).contains(voice.id());
        assertThat(posts.get(2).webhookUsername()).contains("Bob · Tzurot");
        assertThat(posts.get(2).content()).startsWith("Bob: spoken words of 2.0 s");
        assertThat(harness.replies.requestFor(voice.id()).orElseThrow().attachments()).isEmpty();
    }

    @Test
    void aVoiceMessageInADmWithAStickyCharacterGoesToThatCharacterWithoutTheAudio() {
        SimDmChannel dm = harness.simulator.world().dmChannel(alice);
        harness.verified(alice);
        harness.simulator.users().post(alice, dm, "@Bob hello");
        harness.awaitPosts(dm, 1);

        SimMessage voice = harness.simulator.users().voiceMessage(alice, dm, new byte[] {9, 9}, 4.5);
        List<BotActivity.Posted> posts = harness.awaitPosts(dm, 3);

        assertThat(posts.get(1).content()).isEqualTo("spoken words of 4.5 s");
        assertThat(posts.get(2).content()).startsWith("**Bob:** Bob: spoken words of 4.5 s");
        assertThat(transcribed).anySatisfy(a -> assertThat(a.voiceMessage()).isTrue());
        assertThat(harness.replies.requestFor(voice.id()).orElseThrow().attachments()).isEmpty();
    }

    @Test
    void aForwardedVoiceMessageIsTranscribedLikeADirectOne() {
        SimTextChannel from = harness.simulator.world().createTextChannel(guild, "voice-source");
        SimTextChannel to = harness.simulator.world().createTextChannel(guild, "voice-forwarded");
        SimMessage original = harness.simulator.users().voiceMessage(alice, from, new byte[] {4, 2}, 3.5);
        harness.awaitPosts(from, 1); // its own transcript

        SimMessage forward = harness.simulator.users().forward(alice, to, original);
        List<BotActivity.Posted> posts = harness.awaitPosts(to, 1);

        assertThat(posts.get(0).viaWebhook()).isFalse();
        assertThat(posts.get(0).content()).isEqualTo("spoken words of 3.5 s");
        assertThat(posts.get(0).message().replyTo()).contains(forward.id());
        assertThat(transcribed).filteredOn(a -> a.durationSeconds().orElse(0) == 3.5).hasSize(2)
                .allSatisfy(a -> assertThat(a.voiceMessage()).isTrue());
    }

    @Test
    void aDenylistedUsersVoiceMessageIsNeitherTranscribedNorAnswered() {
        SimUser mallory = harness.simulator.world().createMember(guild, "mallory");
        harness.verified(mallory);
        harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(mallory.id()), DenylistScope.BOT,
                null, DenylistMode.BLOCK, "spam", Long.toString(alice.id()), Instant.now(), null));
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "voice-denied");
        int before = transcribed.size();

        harness.simulator.users().voiceMessage(mallory, channel, new byte[] {5}, 1.0);
        harness.simulator.users().post(alice, channel, "@Bob still here?");

        assertThat(harness.awaitPosts(channel, 1).get(0).content()).startsWith("Bob: still here?");
        assertThat(harness.postsIn(channel)).hasSize(1);
        assertThat(transcribed).hasSize(before);
    }
}
