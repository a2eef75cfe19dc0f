package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /history} through the whole product: a clear hides the earlier exchanges from the next reply's prompt,
 * undo brings them back, stats counts them, and purge deletes this channel's rows only after the typed phrase.
 */
class HistoryCommandsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("History Guild").characters("Ada");

    @Test
    void clearHidesUndoRestoresStatsCountsAndPurgeDeletesAfterThePhrase() {
        SimTextChannel channel = scene.channel("diary");
        DiscordApp app = scene.app;
        app.model.enqueue(FakeReply.text("Noted the apple."), FakeReply.text("Noted the pear."),
                FakeReply.text("I recall nothing."), FakeReply.text("Apple and pear."));
        exchange(channel, "@Ada remember apple-7741", 1);
        exchange(channel, "@Ada remember pear-5309", 2);
        assertThat(DiscordScene.systemPrompt(scene.lastChat())).containsPattern(inHistory("remember apple-7741"));

        assertThat(answer(command(channel, "history clear"))).startsWith("🧹 **Ada** no longer sees your history");
        exchange(channel, "@Ada what did I ask you to remember?", 3);
        // long-term memories may still recall the fruit; the short-term history no longer holds it
        assertThat(DiscordScene.systemPrompt(scene.lastChat())).doesNotContainPattern(inHistory("remember apple-7741"))
                .doesNotContainPattern(inHistory("remember pear-5309")).doesNotContainPattern(inHistory("Noted the pear."));

        assertThat(answer(command(channel, "history stats")))
                .contains("in this channel: 6 messages, 2 visible to the character, 4 hidden.")
                .contains("Last cleared <t:");

        assertThat(answer(command(channel, "history undo"))).startsWith("↩️ **Ada** sees the history hidden");
        exchange(channel, "@Ada and now?", 4);
        assertThat(DiscordScene.systemPrompt(scene.lastChat())).containsPattern(inHistory("remember apple-7741"))
                .containsPattern(inHistory("remember pear-5309"));

        long purge = command(channel, "history purge");
        assertThat(answer(purge)).startsWith("⚠️ **Delete your history with Ada in this channel?**");
        List<SimMessage> warnings = app.simulator.ephemeralsFor(purge);
        long click = app.simulator.users().clickButton(scene.alice, warnings.get(warnings.size() - 1),
                "history::purge::ada");
        assertThat(await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(click), Optional::isPresent)
                .orElseThrow().callbackType()).isEqualTo(9);
        long wrong = app.simulator.users().submitModal(scene.alice, channel, "history::purged::ada",
                Map.of("confirm", "yes please"));
        assertThat(answer(wrong)).startsWith("❌ Type 'DELETE'");
        assertThat(answer(command(channel, "history stats"))).contains("in this channel: 8 messages");

        long right = app.simulator.users().submitModal(scene.alice, channel, "history::purged::ada",
                Map.of("confirm", "delete"));
        assertThat(answer(right)).startsWith("🗑️ Deleted 8 messages of your history with **Ada** in this channel.");
        assertThat(answer(command(channel, "history stats"))).contains("in this channel: 0 messages");
        assertThat(app.repos.history().findByDiscordMessageId(Long.toString(
                app.postsIn(channel).get(0).message().id()))).isEmpty();
    }

    /** A message of the prompt's short-term history (chat log) with exactly this text. */
    private static String inHistory(String text) {
        return "t=\"[^\"]+\">" + text + "</message>";
    }

    /** Posts {@code text}, waits for the {@code nth} reply and for its row (the exchange is then stored). */
    private static void exchange(SimTextChannel channel, String text, int nth) {
        scene.app.simulator.users().post(scene.alice, channel, text);
        long posted = scene.app.awaitPosts(channel, nth).get(nth - 1).message().id();
        await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.repos.history()
                .findByDiscordMessageId(Long.toString(posted)), Optional::isPresent);
    }

    private static long command(SimTextChannel channel, String path) {
        return scene.app.simulator.users().slashCommand(scene.alice, channel, path, Map.of("character", "ada"));
    }

    /** The interaction's latest private answer text, once it has some. */
    private static String answer(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }
}
