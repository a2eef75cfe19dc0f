package io.tzurot.core.model;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Port for speech-to-text (OpenAI-compatible {@code /audio/transcriptions}). */
public interface Transcriber {

    /**
     * Transcribes {@code audio} with {@code model} (e.g. whisper-1) in {@code language} (ISO-639-1, or
     * empty to let the model detect it); fails with {@link ModelCallException}.
     */
    CompletableFuture<String> transcribe(AudioClip audio, String model, Optional<String> language,
                                         String apiKey, Optional<String> baseUrl);
}
