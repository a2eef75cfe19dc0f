package io.tzurot.core.model;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Port for OpenAI-compatible chat completion. Asynchronous so that hundreds of replies can wait on a
 * slow model without a thread each. The future fails with {@link ModelCallException} after the
 * implementation's retry policy gave up.
 */
public interface ChatModel {

    /**
     * Sends {@code request} with {@code apiKey} to {@code baseUrl} (the implementation's default
     * provider when empty, e.g. OpenRouter).
     */
    CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey, Optional<String> baseUrl);

    /**
     * As {@link #generate(ModelRequest, String, Optional)}, telling {@code stream} the content as it arrives; an
     * implementation that cannot stream tells it nothing and only completes the future.
     */
    default CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey, Optional<String> baseUrl,
                                                      ModelStream stream) {
        return generate(request, apiKey, baseUrl);
    }

    /** Sends {@code request} to the default provider. */
    default CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey) {
        return generate(request, apiKey, Optional.empty());
    }
}
