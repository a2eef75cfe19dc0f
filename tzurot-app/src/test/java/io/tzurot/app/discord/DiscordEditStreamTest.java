package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.discord.MessageChunker;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.testkit.discord.activity.ActivityLog;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Edit-streaming on Discord through the whole product (real JDA, the simulator, the real engine, a fake model that
 * streams slowly): the reply is posted at its first sentence and edited as it grows, each write at least a second
 * after the previous one (read from the simulator's recorded activity times, not from a clock in the test), and ends
 * exactly as a plain delivery would; nothing of a thinking block is ever shown; off (the default) is one post.
 * Channels here have the model footer off, so a reply's messages are exactly its chunks.
 */
class DiscordEditStreamTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Streaming Guild").characters("Bard");

    @BeforeEach
    void slowModel() {
        scene.app.model.reset();
        scene.app.model.streamPace(Duration.ofMillis(70));
    }

    @Test
    void aStreamedReplyIsPostedAtItsFirstSentenceEditedASecondApartAndEndsExact() {
        SimTextChannel channel = channel("ballad", false);
        SimUser moderator = scene.app.simulator.world().createMember(scene.guild, "conductor");
        scene.app.verified(moderator);
        scene.app.simulator.world().setMemberOverwrite(channel, moderator, Permissions.MANAGE_MESSAGES, 0);
        assertThat(answer(scene.app.simulator.users().slashCommand(moderator, channel, "channel streaming on", Map.of())))
                .startsWith("✅ Edit-streaming is on in <#" + channel.id() + ">");
        assertThat(answer(scene.app.simulator.users().slashCommand(moderator, channel, "channel streaming status",
                Map.of()))).contains("**on**");
        String text = "The road was long and the night was cold. We sang of rivers and of the stars above them. "
                + "Every village we passed lit a lantern for us, and every lantern had a story of its own to tell. "
                + "By the third morning the songs had changed: they were ours now, and the road had learned them. "
                + "So when you ask me how a ballad is born, I say it is walked into being, one step and one verse at"
                + " a time, until the walking and the singing are the same thing. That is all, and it is enough.";
        scene.app.model.enqueue(FakeReply.text(text));

        scene.app.simulator.users().post(scene.alice, channel, "@Bard how is a ballad born?");

        SimMessage posted = scene.app.awaitPosts(channel, 1).get(0).message();
        assertThat(text).as("the first post is the start of the reply").startsWith(posted.content());
        assertThat(posted.content().length()).as("posted before the reply was done").isLessThan(text.length());
        await().atMost(DiscordApp.PATIENCE).until(() -> current(channel, posted.id()).equals(text));
        List<ActivityLog.Timed> writes = writesOf(posted.id());
        assertThat(writes.stream().filter(w -> w.activity() instanceof BotActivity.Edited))
                .as("edits of the streamed message").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < writes.size(); i++) {
            assertThat(writes.get(i).nanoTime() - writes.get(i - 1).nanoTime())
                    .as("write %d of %d comes at least a second after the one before", i, writes.size())
                    .isGreaterThanOrEqualTo(SECOND);
        }
        BotActivity.Edited last = (BotActivity.Edited) writes.get(writes.size() - 1).activity();
        assertThat(last.message().content()).isEqualTo(text);
        assertThat(scene.app.postsIn(channel)).as("one message, edited").hasSize(1);
    }

    @Test
    void aThinkingBlockArrivingInPiecesIsNeverShownInAnyPostOrEdit() {
        SimTextChannel channel = channel("musing", true);
        String answer = "Here is what I think, friend: the tide turns at nine tonight. Bring a lantern and a coat.";
        scene.app.model.enqueue(FakeReply.text("<think>The user wants tides; the secret plan is to check the almanac"
                + " first and never say so.</think>" + answer));

        scene.app.simulator.users().post(scene.alice, channel, "@Bard when is the tide?");

        long id = scene.app.awaitPosts(channel, 1).get(0).message().id();
        await().atMost(DiscordApp.PATIENCE).until(() -> current(channel, id).equals(answer));
        List<String> shown = writesOf(id).stream().map(w -> w.activity() instanceof BotActivity.Posted p ? p.content()
                : ((BotActivity.Edited) w.activity()).message().content()).toList();
        assertThat(shown).isNotEmpty().allSatisfy(content -> assertThat(content)
                .doesNotContain("secret", "almanac", "think>", "<", "The user wants"));
        assertThat(shown).allSatisfy(content -> assertThat(answer).startsWith(content));
    }

    @Test
    void aLongStreamedReplyWithACodeBlockEndsAsTheSameChunksAsAPlainDelivery() {
        scene.app.model.streamPace(Duration.ofMillis(4));
        StringBuilder prose = new StringBuilder();
        for (int i = 0; prose.length() < 1500; i++) {
            prose.append("Verse ").append(i).append(" tells of the road and the rain and the long way home. ");
        }
        StringBuilder code = new StringBuilder("```java\n");
        for (int i = 0; code.length() < 700; i++) {
            code.append("int verse").append(i).append(" = sing(").append(i).append(");\n");
        }
        code.append("```");
        String text = prose.toString().strip() + "\n\n" + code + "\n\nAnd that is how the song is kept.";
        List<String> expected = MessageChunker.split(text);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);

        SimTextChannel streamed = channel("long-streamed", true);
        scene.app.model.enqueue(FakeReply.text(text));
        scene.app.simulator.users().post(scene.alice, streamed, "@Bard sing the long one");
        await().atMost(DiscordApp.PATIENCE).until(() -> webhookContents(streamed), expected::equals);

        SimTextChannel plain = channel("long-plain", false);
        scene.app.model.enqueue(FakeReply.text(text));
        scene.app.simulator.users().post(scene.alice, plain, "@Bard sing the long one");
        await().atMost(DiscordApp.PATIENCE).until(() -> webhookContents(plain).size() >= expected.size());
        assertThat(webhookContents(streamed)).as("streamed, as delivered plainly").isEqualTo(webhookContents(plain))
                .isEqualTo(expected);
        assertThat(scene.app.simulator.activity().stream().filter(a -> a instanceof BotActivity.Edited e
                && e.message().channelId() == plain.id())).as("no edit without streaming").isEmpty();
    }

    @Test
    void withStreamingOffAReplyIsOnePostAndNoEdit() {
        SimTextChannel channel = channel("plain-song", false);
        String text = "One verse. Then another verse, sung slowly. And a last one to close the evening.";
        scene.app.model.enqueue(FakeReply.text(text));

        scene.app.simulator.users().post(scene.alice, channel, "@Bard a short one");

        SimMessage posted = scene.app.awaitPosts(channel, 1).get(0).message();
        assertThat(posted.content()).isEqualTo(text);
        assertThat(writesOf(posted.id())).hasSize(1);
        assertThat(scene.app.postsIn(channel)).hasSize(1);
    }

    /** A channel of the guild with the model footer off, and edit-streaming on when {@code streaming}. */
    private static SimTextChannel channel(String name, boolean streaming) {
        SimTextChannel channel = scene.channel(name);
        String id = Long.toString(channel.id());
        String guild = Long.toString(scene.guild.id());
        scene.app.repos.channels().setConfigOverrides(id, guild,
                new ConfigOverrides(Map.of(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false))), null);
        if (streaming) {
            scene.app.repos.channels().setStreamEdits(id, guild, true);
        }
        return channel;
    }

    /** The post and every edit of one message, with the simulator's times. */
    private static List<ActivityLog.Timed> writesOf(long messageId) {
        List<ActivityLog.Timed> writes = new ArrayList<>();
        for (ActivityLog.Timed timed : scene.app.simulator.timedActivity()) {
            if (timed.activity() instanceof BotActivity.Posted p && p.message().id() == messageId
                    || timed.activity() instanceof BotActivity.Edited e && e.message().id() == messageId) {
                writes.add(timed);
            }
        }
        return writes;
    }

    private static String current(SimTextChannel channel, long messageId) {
        return scene.app.simulator.message(channel, messageId).map(SimMessage::content).orElse("");
    }

    /** The channel's webhook messages as they are now, oldest first. */
    private static List<String> webhookContents(SimTextChannel channel) {
        return scene.app.simulator.messagesIn(channel).stream().filter(m -> m.author() instanceof MessageAuthor.Webhook)
                .map(SimMessage::content).toList();
    }

    private static String answer(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }
}
