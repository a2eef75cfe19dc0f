package io.tzurot.core.model;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Port that turns an image into a text description for the prompt. */
public interface VisionDescriber {

    /** Describes the image; fails with {@link ModelCallException}, like {@link ChatModel}. */
    CompletableFuture<String> describe(VisionRequest request, String apiKey, Optional<String> baseUrl);
}
