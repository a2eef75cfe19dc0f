package io.tzurot.app.discord;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code AUTO_TRANSCRIBE_VOICE=true}, end to end: a voice message is transcribed through the engine (the fake
 * model server's {@code /v1/audio/transcriptions}), the transcript is posted as a reply, and a character the
 * message addresses hears the transcript as the message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SecretLogScan.class)
class VoiceTranscriptionTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Voice Guild").env("AUTO_TRANSCRIBE_VOICE", "true");

    private static final byte[] RECORDING = "OggS fake opus frames".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** The fake server refuses to transcribe recordings of this length. */
    private static final byte[] GARBLED = new byte[7];

    private Personality ada;

    @BeforeAll
    void start() {
        scene.app.model.respondWith(request -> {
            if (!request.path().endsWith("/audio/transcriptions")) {
                return FakeReply.text("Try 'The Lighthouse Stevensons'.");
            }
            return request.files().containsValue(GARBLED.length) ? FakeReply.error(400, "unsupported audio")
                    : FakeReply.text("could you recommend a book about lighthouses");
        });
        ada = scene.app.character("Ada", "ada");
    }

    @Test
    void aVoiceMessageNobodyIsAddressedInGetsOnlyItsTranscript() {
        SimTextChannel channel = scene.channel("voice-only");
        int before = transcriptions().size();

        var voice = scene.app.simulator.users().voiceMessage(scene.alice, channel, RECORDING, 3.5);

        BotActivity.Posted transcript = scene.app.awaitPosts(channel, 1).get(0);
        assertThat(transcript.viaWebhook()).isFalse();
        assertThat(transcript.content()).isEqualTo("could you recommend a book about lighthouses");
        assertThat(transcript.message().replyTo()).contains(voice.id());
        assertThat(transcriptions()).hasSize(before + 1);
        assertThat(transcriptions().get(before).files()).containsValue(RECORDING.length);
        assertThat(chatRequests()).noneMatch(r -> r.lastUserText().contains("lighthouses"));
    }

    @Test
    void aVoiceMessageInAnActivatedChannelIsTranscribedOnceAndTheCharacterHearsTheTranscript() {
        SimTextChannel channel = scene.channel("voice-activated");
        scene.app.repos.channels().activate(Long.toString(channel.id()), Long.toString(scene.guild.id()), ada.id(), null, 5);
        int transcribedBefore = transcriptions().size();

        scene.app.simulator.users().voiceMessage(scene.alice, channel, RECORDING, 2.0);

        List<BotActivity.Posted> posts = scene.app.awaitPosts(channel, 2);
        assertThat(posts.get(0).viaWebhook()).isFalse();
        assertThat(posts.get(0).content()).isEqualTo("could you recommend a book about lighthouses");
        assertThat(posts.get(1).viaWebhook()).isTrue();
        assertThat(posts.get(1).webhookUsername()).contains("Ada · Tzurot");
        assertThat(posts.get(1).content()).startsWith("Try 'The Lighthouse Stevensons'.");
        assertThat(chatRequests()).anySatisfy(r -> assertThat(r.lastUserText())
                .contains("could you recommend a book about lighthouses"));
        // the reply read the transcript the bot had already made: one transcription for the message
        assertThat(transcriptions()).hasSize(transcribedBefore + 1);
    }

    @Test
    void aVoiceMessageThatCannotBeTranscribedGetsAnApologyAndNoReply() {
        SimTextChannel channel = scene.channel("voice-garbled");
        scene.app.repos.channels().activate(Long.toString(channel.id()), Long.toString(scene.guild.id()), ada.id(), null, 5);

        scene.app.simulator.users().voiceMessage(scene.alice, channel, GARBLED, 1.0);
        scene.app.simulator.users().post(scene.alice, channel, "are you there?");

        List<BotActivity.Posted> posts = scene.app.awaitPosts(channel, 2);
        assertThat(posts.get(0).viaWebhook()).isFalse();
        assertThat(posts.get(0).content()).isEqualTo("Sorry, I couldn't transcribe that voice message.");
        assertThat(posts.get(1).webhookUsername()).contains("Ada · Tzurot");
        assertThat(scene.app.postsIn(channel)).hasSize(2);
    }

    private List<RecordedRequest> transcriptions() {
        return scene.app.model.requests().stream().filter(r -> r.path().endsWith("/audio/transcriptions")).toList();
    }

    private List<RecordedRequest> chatRequests() {
        return scene.app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }
}
