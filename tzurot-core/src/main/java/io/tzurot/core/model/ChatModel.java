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

    /** Sends {@code request} to the default provider. */
    default CompletableFuture<ModelResponse> generate(ModelRequest request, String apiKey) {
        return generate(request, apiKey, Optional.empty());
    }
}
