package io.tzurot.app.wiring;

import io.tzurot.core.text.SpoilerWords;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.reply.DescribingAttachments;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import io.tzurot.discord.voice.VoiceTranscriber;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Voice auto-transcription through the engine's attachment pipeline: the speaker's own key when stored, else
 * the operator's, and the engine's transcript cache, so later readers of the message (history, quotes) get the same
 * transcript without transcribing it again.
 */
final class VoiceTranscriptions implements VoiceTranscriber {

    private final DescribingAttachments attachments;
    private final UserRepository users;
    private final RevealApiKey userKeys;
    private final ProviderAccess provider;
    private final SpoilerWords spoilers;

    VoiceTranscriptions(DescribingAttachments attachments, UserRepository users, RevealApiKey userKeys,
                        ProviderAccess provider, SpoilerWords spoilers) {
        this.spoilers = Objects.requireNonNull(spoilers, "spoilers");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.users = Objects.requireNonNull(users, "users");
        this.userKeys = Objects.requireNonNull(userKeys, "userKeys");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public CompletableFuture<String> transcribe(AttachmentInput voice, String discordUserId) {
        Optional<String> own = users.findByDiscordId(discordUserId).map(User::id)
                .flatMap(id -> userKeys.execute(id, ProviderAccess.PROVIDER));
        Optional<String> key = own.or(provider::systemKey);
        if (key.isEmpty() && provider.isOpenRouter()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no API key to transcribe with"));
        }
        return attachments.transcript(voice, key.orElse(""));
    }

    /** {@code TZUROT_TRANSCRIPT_SPOILER_WORDS} behind spoiler bars in the posted transcript. */
    @Override
    public String forPosting(String transcript) {
        return spoilers.apply(transcript);
    }
}
