package io.tzurot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.prompt.ChatLocation;
import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ChannelMessage;
import io.tzurot.core.reply.ReferenceInput;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplyJobCodecTest {

    private final ReplyJobCodec codec = new ReplyJobCodec();

    @Test
    void aRequestWithEveryFieldSurvivesTheRoundTrip() {
        AttachmentInput voice = new AttachmentInput("att1", "https://cdn.discordapp.com/a/voice.ogg", "voice.ogg",
                "audio/ogg", 12_345, true, OptionalDouble.of(3.5));
        AttachmentInput image = new AttachmentInput("", "https://cdn.discordapp.com/a/cat.png", "cat.png", "image/png", 99,
                false, OptionalDouble.empty());
        ReferenceInput reference = new ReferenceInput(Optional.of("123"), "Bob", "bob", Optional.of(Instant.parse(
                "2026-01-02T03:04:05.678Z")), "look at this \"quoted\" text\nüñí", List.of("embed one"), List.of(image), true,
                Optional.of("100000000000000002"));
        ReplyRequest request = new ReplyRequest("discord:42", Platform.DISCORD, new Speaker("100000000000000001", "alice",
                "Alice ✨"), "ada", "555555555555555555", Optional.of("777"),
                Optional.of(new ChatLocation.GuildChannel("Server", Optional.of("Cat"), "general", "forum",
                        Optional.empty(), Optional.of("thread"))),
                "hello {\"not\": json}", List.of(voice), List.of(reference), Optional.of("42"), Set.of("1", "2"),
                Instant.parse("2026-11-24T03:00:00.123Z"), true, List.of(
                        new ChannelMessage("41", "100000000000000003", "Carol ✨", "carol",
                                Instant.parse("2026-11-24T02:59:00Z"), "the password is \"LANTERN-7\"\n[Sticker: wave]",
                                List.of(image)),
                        new ChannelMessage("40", "100000000000000004", null, null, Instant.parse("2026-11-24T02:58:00Z"),
                                "")),
                java.util.Map.of("100000000000000001", new io.tzurot.core.prompt.Participant.GuildInfo(
                                List.of("Keepers", "Readers"), Optional.of("#FF8800"),
                                Optional.of(java.time.LocalDate.parse("2026-01-31"))),
                        "100000000000000003", new io.tzurot.core.prompt.Participant.GuildInfo(List.of(),
                                Optional.empty(), Optional.empty())), Optional.of("444444444444444444"));

        ReplyRequest decoded = codec.decodeRequest(codec.encodeRequest(request));

        assertThat(decoded).isEqualTo(request);
    }

    @Test
    void aDirectMessageRequestWithoutOptionalsSurvivesTheRoundTrip() {
        ReplyRequest request = new ReplyRequest("cli:1", Platform.CLI, new Speaker("5", null, null), "ada", "cli",
                Optional.empty(), Optional.of(new ChatLocation.DirectMessage()), "hi", List.of(), List.of(),
                Optional.empty(), Set.of(), Instant.EPOCH, false);

        assertThat(codec.decodeRequest(codec.encodeRequest(request))).isEqualTo(request);
    }

    @Test
    void aJobSaysWhetherItsTextIsFollowedAndAnOlderJobWithoutTheFlagIsStreamed() {
        ReplyRequest request = ReplyRequest.text("r-flag", Platform.WEB, new Speaker("5", null, null), "ada", "web",
                "hi", Instant.EPOCH);
        assertThat(codec.decodeJob(codec.encodeRequest(request, true))).isEqualTo(new ReplyJobCodec.DecodedJob(request, true));
        assertThat(codec.decodeJob(codec.encodeRequest(request, false))).isEqualTo(new ReplyJobCodec.DecodedJob(request, false));
        assertThat(codec.decodeJob(codec.encodeRequest(request)).streamed()).isFalse();
        String older = codec.encodeRequest(request, false).replace(",\"stream\":false", "");
        assertThat(older).doesNotContain("\"stream\"");
        assertThat(codec.decodeJob(older)).isEqualTo(new ReplyJobCodec.DecodedJob(request, true));
    }

    @Test
    void outcomesSurviveTheRoundTrip() {
        ReplyOutcome.PersonalityCard card = new ReplyOutcome.PersonalityCard(UUID.randomUUID(), "ada", "Ada", "Ada L.", true);
        ReplyOutcome replied = new ReplyOutcome.Replied("r1", Optional.of(card), "Hello!", Optional.of("thinking"), true,
                "test/model", false, Optional.of("-# test/model"),
                List.of(new ReplyOutcome.RecalledMemory(UUID.randomUUID(), 0.875, "a memory")), true);
        ReplyOutcome failed = new ReplyOutcome.Failed("r2", Optional.empty(), ReplyOutcome.FailureKind.NO_PROVIDER_KEY,
                "Set a key first.", "ref-1", "authentication");

        assertThat(codec.decodeOutcome(codec.encodeOutcome(replied))).isEqualTo(replied);
        assertThat(codec.decodeOutcome(codec.encodeOutcome(failed))).isEqualTo(failed);
    }

    @Test
    void unreadablePayloadsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> codec.decodeRequest("not json")).isInstanceOf(ReplyJobCodec.InvalidPayloadException.class)
                .hasMessageStartingWith("reply request is not JSON");
        assertThatThrownBy(() -> codec.decodeRequest("[1]")).hasMessage("reply request must be a JSON object");
        assertThatThrownBy(() -> codec.decodeRequest("{\"v\":99}")).hasMessageContaining("unsupported version 99");
        assertThatThrownBy(() -> codec.decodeRequest("{\"v\":1,\"requestId\":\"x\"}"))
                .isInstanceOf(ReplyJobCodec.InvalidPayloadException.class).hasMessageContaining("missing field 'platform'");
        String valid = codec.encodeRequest(ReplyRequest.text("r", Platform.CLI, new Speaker("1", null, null), "ada", "cli",
                "hi", Instant.EPOCH));
        assertThatThrownBy(() -> codec.decodeRequest(valid.replace("\"cli\"", "\"" + "c".repeat(21) + "\"")))
                .isInstanceOf(ReplyJobCodec.InvalidPayloadException.class).hasMessageContaining("channelId must be 1-20");
        assertThatThrownBy(() -> codec.decodeOutcome("{\"v\":1,\"requestId\":\"r\",\"kind\":\"maybe\"}"))
                .hasMessageContaining("unknown outcome kind 'maybe'");
    }
}
