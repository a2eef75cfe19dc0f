package io.tzurot.app.discord;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AUTO_TRANSCRIBE_VOICE=true}, end to end: a voice message is transcribed through the engine (the fake
 * model server's {@code /v1/audio/transcriptions}), the transcript is posted as a reply, and a character the
 * message addresses hears the transcript as the message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SecretLogScan.class)
class VoiceTranscriptionTest {

    private static final byte[] RECORDING = "OggS fake opus frames".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** The fake server refuses to transcribe recordings of this length. */
    private static final byte[] GARBLED = new byte[7];

    @TempDir
    static Path dir;

    private DiscordApp app;
    private SimGuild guild;
    private SimUser alice;
    private Personality ada;

    @BeforeAll
    void start() {
        app = DiscordApp.start(dir, Map.of("AUTO_TRANSCRIBE_VOICE", "true"));
        app.model.respondWith(request -> {
            if (!request.path().endsWith("/audio/transcriptions")) {
                return FakeReply.text("Try 'The Lighthouse Stevensons'.");
            }
            return request.files().containsValue(GARBLED.length) ? FakeReply.error(400, "unsupported audio")
                    : FakeReply.text("could you recommend a book about lighthouses");
        });
        guild = app.simulator.world().createGuild("Voice Guild");
        alice = app.simulator.world().createMember(guild, "alice");
        app.verified(alice);
        ada = app.character("Ada", "ada");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aVoiceMessageNobodyIsAddressedInGetsOnlyItsTranscript() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "voice-only");
        int before = transcriptions().size();

        var voice = app.simulator.users().voiceMessage(alice, channel, RECORDING, 3.5);

        BotActivity.Posted transcript = app.awaitPosts(channel, 1).get(0);
        assertThat(transcript.viaWebhook()).isFalse();
        assertThat(transcript.content()).isEqualTo("could you recommend a book about lighthouses");
        assertThat(transcript.message().replyTo()).contains(voice.id());
        assertThat(transcriptions()).hasSize(before + 1);
        assertThat(transcriptions().get(before).files()).containsValue(RECORDING.length);
        assertThat(chatRequests()).noneMatch(r -> r.lastUserText().contains("lighthouses"));
    }

    @Test
    void aVoiceMessageInAnActivatedChannelIsTranscribedOnceAndTheCharacterHearsTheTranscript() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "voice-activated");
        app.repos.channels().activate(Long.toString(channel.id()), Long.toString(guild.id()), ada.id(), null);
        int transcribedBefore = transcriptions().size();

        app.simulator.users().voiceMessage(alice, channel, RECORDING, 2.0);

        List<BotActivity.Posted> posts = app.awaitPosts(channel, 2);
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
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "voice-garbled");
        app.repos.channels().activate(Long.toString(channel.id()), Long.toString(guild.id()), ada.id(), null);

        app.simulator.users().voiceMessage(alice, channel, GARBLED, 1.0);
        app.simulator.users().post(alice, channel, "are you there?");

        List<BotActivity.Posted> posts = app.awaitPosts(channel, 2);
        assertThat(posts.get(0).viaWebhook()).isFalse();
        assertThat(posts.get(0).content()).isEqualTo("Sorry, I couldn't transcribe that voice message.");
        assertThat(posts.get(1).webhookUsername()).contains("Ada · Tzurot");
        assertThat(app.postsIn(channel)).hasSize(2);
    }

    private List<RecordedRequest> transcriptions() {
        return app.model.requests().stream().filter(r -> r.path().endsWith("/audio/transcriptions")).toList();
    }

    private List<RecordedRequest> chatRequests() {
        return app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }
}
