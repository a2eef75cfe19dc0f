package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the trigger itself says reaches the prompt (spec/discord.md §1.8, §1.9): a sticker-only message is not
 * empty, and a link's preview that Discord adds a moment later is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordTriggerContentTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Sticker Shop").characters("Ada");

    @Test
    void aReplyWithOnlyAStickerIsAnsweredAndTheStickerReachesThePrompt() {
        SimTextChannel channel = scene.channel("stickers");
        scene.app.model.enqueue(FakeReply.text("The shop opens at nine."), FakeReply.text("Glad you like it."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada when does the shop open?");
        SimMessage answer = scene.app.awaitPosts(channel, 1).get(0).message();

        scene.app.simulator.users().stickerReply(scene.alice, channel, answer, "Thumbs Up");

        scene.app.awaitPosts(channel, 2);
        RecordedRequest chat = Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions")).toList(), l -> l.size() >= 2).get(1);
        assertThat(chat.lastUserText()).contains("[Sticker: Thumbs Up]");
    }

    @Test
    void aLinkPreviewDiscordAddsAfterTheMessageArrivesReachesThePrompt() {
        SimTextChannel channel = scene.channel("links");
        scene.app.model.enqueue(FakeReply.text("A fine lantern."));
        SimMessage asked = scene.app.simulator.users().post(scene.alice, channel, "@Ada what is this? https://example.com/lantern");
        // Discord unfurls the link after the message was delivered; the bot reads the message again before asking
        scene.app.simulator.users().linkPreview(asked, "Storm Lantern No. 7", "A brass lantern that never goes out.");

        scene.app.awaitPosts(channel, 1);
        RecordedRequest chat = Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions"))
                .filter(r -> r.lastUserText().contains("example.com/lantern")).toList(), l -> !l.isEmpty()).get(0);
        assertThat(chat.lastUserText()).contains("Storm Lantern No. 7").contains("A brass lantern that never goes out.");
    }
}
