package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code TZUROT_TRANSCRIPT_SPOILER_WORDS}, end to end: the words are hidden behind spoiler bars in the transcript
 * the bot posts (whole words, any case, code left alone), while the character hears the transcript as it was said.
 */
class VoiceSpoilerWordsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Spoiler Guild").env("AUTO_TRANSCRIBE_VOICE", "true")
            .env("TZUROT_TRANSCRIPT_SPOILER_WORDS", "Lighthouses, book");

    private static final byte[] RECORDING = "OggS fake opus frames".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Test
    void spoilerWordsAreHiddenInThePostedTranscriptOnly() {
        scene.app.model.respondWith(request -> request.path().endsWith("/audio/transcriptions")
                ? FakeReply.text("could you recommend a Book about lighthouses, not `book` or bookshelves")
                : FakeReply.text("Try 'The Lighthouse Stevensons'."));
        Personality ada = scene.app.character("Ada", "ada");
        SimTextChannel channel = scene.channel("voice-spoilers");
        scene.app.repos.channels().activate(Long.toString(channel.id()), Long.toString(scene.guild.id()), ada.id(), null, 5);

        scene.app.simulator.users().voiceMessage(scene.alice, channel, RECORDING, 2.0);

        List<BotActivity.Posted> posts = scene.app.awaitPosts(channel, 2);
        assertThat(posts.get(0).viaWebhook()).isFalse();
        assertThat(posts.get(0).content())
                .isEqualTo("could you recommend a ||Book|| about ||lighthouses||, not `book` or bookshelves");
        assertThat(scene.app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")))
                .anySatisfy(r -> assertThat(r.lastUserText())
                        .contains("could you recommend a Book about lighthouses, not `book` or bookshelves"));
    }
}
