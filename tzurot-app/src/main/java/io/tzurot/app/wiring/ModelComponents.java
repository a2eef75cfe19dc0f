package io.tzurot.app.wiring;

import io.tzurot.ai.attachment.AttachmentFetcher;
import io.tzurot.ai.attachment.FetchPolicy;
import io.tzurot.ai.audio.OpenAiTranscriber;
import io.tzurot.ai.chat.ChatModelConfig;
import io.tzurot.ai.chat.OpenAiCompatibleChatModel;
import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.retry.RetryPolicy;
import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.ai.vision.ChatVisionDescriber;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.model.Transcriber;
import io.tzurot.core.model.VisionDescriber;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.reply.AttachmentSource;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The model-facing adapters of one process: chat, embeddings, tokens, vision, transcription, attachment reads. */
public record ModelComponents(ChatModel chat, EmbeddingModel embeddings, TokenCounter tokens, VisionDescriber vision,
                              Transcriber transcriber, AttachmentSource attachments) {

    /** Waits (up to 60 s) for a background model load to finish, so the process can exit safely. */
    public static void settle() {
        LazyEmbeddingModel.settle(java.time.Duration.ofSeconds(60));
    }

    /**
     * The real adapters against {@code baseUrl}; the embedding model loads in the background. Attachments may also
     * come from the host of {@code discordRestUrl}, since a Discord-compatible server other than Discord (a proxy,
     * the simulator) serves its own attachments.
     */
    public static ModelComponents real(String baseUrl, Optional<URI> discordRestUrl) {
        return real(baseUrl, discordRestUrl, RetryPolicy.CHAT.attemptTimeout());
    }

    /** {@link #real(String, Optional)} with chat calls timing out after {@code chatTimeout} (the budget scales with it). */
    public static ModelComponents real(String baseUrl, Optional<URI> discordRestUrl, java.time.Duration chatTimeout) {
        RetryPolicy chatPolicy = new RetryPolicy(RetryPolicy.CHAT.maxAttempts(), chatTimeout,
                chatTimeout.multipliedBy(8).dividedBy(3), RetryPolicy.CHAT.initialBackoff(), RetryPolicy.CHAT.maxBackoff());
        ChatModelConfig config = new ChatModelConfig(baseUrl, Optional.of("https://github.com/tzurot"),
                Optional.of("Tzurot"), chatPolicy);
        OpenAiCompatibleChatModel chat = new OpenAiCompatibleChatModel(config);
        ChatVisionDescriber vision = new ChatVisionDescriber(
                new OpenAiCompatibleChatModel(config.withRetryPolicy(RetryPolicy.VISION)));
        OpenAiTranscriber transcriber = new OpenAiTranscriber(baseUrl, RetryPolicy.TRANSCRIPTION);
        FetchPolicy policy = discordRestUrl.map(url -> {
            Set<String> hosts = new HashSet<>(FetchPolicy.DISCORD.allowedHosts());
            hosts.add(url.getHost());
            return new FetchPolicy(hosts, "http".equalsIgnoreCase(url.getScheme()), FetchPolicy.DISCORD.maxBytes(),
                    FetchPolicy.DISCORD.timeout(), FetchPolicy.DISCORD.maxRedirects());
        }).orElse(FetchPolicy.DISCORD);
        AttachmentFetcher fetcher = new AttachmentFetcher(policy);
        return new ModelComponents(chat, LazyEmbeddingModel.shared(BgeSmallEmbeddingModel::new), new TiktokenCounter(), vision,
                transcriber, attachment -> fetcher.fetch(attachment.url()).thenApply(f -> f.bytes()));
    }
}
