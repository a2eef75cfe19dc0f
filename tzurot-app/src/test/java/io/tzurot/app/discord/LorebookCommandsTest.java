package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /lorebook} through the whole product (its wiring included): a book written in Discord, attached to the
 * user's persona, brings its entry into the next reply's prompt when a key is said, and not otherwise.
 */
class LorebookCommandsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Lore Guild").characters("Ada");

    @Test
    void aBookWrittenInDiscordFiresInTheNextReply() {
        SimTextChannel channel = scene.channel("library");
        DiscordApp app = scene.app;
        app.model.enqueue(FakeReply.text("Hello."), FakeReply.text("The moon, yes."));

        assertThat(answer(command(channel, "lorebook create", Map.of("name", "Moon lore"))))
                .startsWith("✅ Created **Moon lore**");
        UUID user = app.repos.users().findByDiscordId(Long.toString(scene.alice.id())).orElseThrow().id();
        List<LorebookSummary> books = app.repos.lorebooks().listOwned(user);
        String id = books.get(0).id().toString();
        long form = command(channel, "lorebook entry add", Map.of("book", id));
        assertThat(await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(form), Optional::isPresent)
                .orElseThrow().callbackType()).isEqualTo(9);
        assertThat(answer(app.simulator.users().submitModal(scene.alice, channel, "lorebook::entry::" + id + "::0",
                Map.of("keys", "moon", "secondaryKeys", "", "content", "The moon is hollow-4471.", "comment", ""))))
                .startsWith("✅ Added entry #1 of **Moon lore**");
        assertThat(answer(command(channel, "lorebook attach", Map.of("book", id, "to", "persona"))))
                .isEqualTo("📎 **Moon lore** now fires for your default persona.");

        // without a key in the scanned messages the entry stays out; once a key is said it comes in
        app.simulator.users().post(scene.alice, channel, "@Ada hello there");
        app.awaitPosts(channel, 1);
        assertThat(app.model.requests().get(app.model.requests().size() - 1).body().toString())
                .doesNotContain("hollow-4471");
        app.simulator.users().post(scene.alice, channel, "@Ada what about the moon?");
        app.awaitPosts(channel, 2);
        assertThat(app.model.requests().get(app.model.requests().size() - 1).body().toString())
                .contains("<world_info placement=\\\"after_character\\\">\\nThe moon is hollow-4471.");
    }

    private static long command(SimTextChannel channel, String path, Map<String, String> options) {
        return scene.app.simulator.users().slashCommand(scene.alice, channel, path, options);
    }

    private static String answer(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }
}
