package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.file.Path;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the trigger itself says reaches the prompt (spec/discord.md §1.8, §1.9): a sticker-only message is not
 * empty, and a link's preview that Discord adds a moment later is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordTriggerContentTest {

    @TempDir
    static Path dir;

    private DiscordApp app;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void start() {
        app = DiscordApp.start(dir, Map.of());
        guild = app.simulator.world().createGuild("Sticker Shop");
        alice = app.simulator.world().createMember(guild, "alice");
        app.verified(alice);
        app.character("Ada", "ada");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aReplyWithOnlyAStickerIsAnsweredAndTheStickerReachesThePrompt() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "stickers");
        app.model.enqueue(FakeReply.text("The shop opens at nine."), FakeReply.text("Glad you like it."));
        app.simulator.users().post(alice, channel, "@Ada when does the shop open?");
        SimMessage answer = app.awaitPosts(channel, 1).get(0).message();

        app.simulator.users().stickerReply(alice, channel, answer, "Thumbs Up");

        app.awaitPosts(channel, 2);
        RecordedRequest chat = Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions")).toList(), l -> l.size() >= 2).get(1);
        assertThat(chat.lastUserText()).contains("[Sticker: Thumbs Up]");
    }

    @Test
    void aLinkPreviewDiscordAddsAfterTheMessageArrivesReachesThePrompt() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "links");
        app.model.enqueue(FakeReply.text("A fine lantern."));
        SimMessage asked = app.simulator.users().post(alice, channel, "@Ada what is this? https://example.com/lantern");
        // Discord unfurls the link after the message was delivered; the bot reads the message again before asking
        app.simulator.users().linkPreview(asked, "Storm Lantern No. 7", "A brass lantern that never goes out.");

        app.awaitPosts(channel, 1);
        RecordedRequest chat = Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions"))
                .filter(r -> r.lastUserText().contains("example.com/lantern")).toList(), l -> !l.isEmpty()).get(0);
        assertThat(chat.lastUserText()).contains("Storm Lantern No. 7").contains("A brass lantern that never goes out.");
    }
}
