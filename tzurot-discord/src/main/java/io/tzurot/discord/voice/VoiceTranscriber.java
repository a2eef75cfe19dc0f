package io.tzurot.discord.voice;

import io.tzurot.core.reply.AttachmentInput;
import java.util.concurrent.CompletableFuture;

/**
 * Speech to text for {@code AUTO_TRANSCRIBE_VOICE}: the engine's transcription of one voice message, paid
 * with the speaker's own key when stored (else the operator's), and cached per attachment. The reply that follows
 * takes the transcript as its message and drops the audio; the cache serves later readers of the message (history,
 * replies quoting it).
 */
@FunctionalInterface
public interface VoiceTranscriber {

    /** The transcript of {@code voice} sent by Discord user {@code discordUserId}; fails when it cannot be had. */
    CompletableFuture<String> transcribe(AttachmentInput voice, String discordUserId);

    /**
     * The transcript as the bot posts it in the channel (e.g. with the operator's spoiler words hidden); the
     * characters still hear {@code transcript} itself.
     */
    default String forPosting(String transcript) {
        return transcript;
    }
}
