package io.tzurot.core.model;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Port: what the provider says about its models (pipeline.md §10.1: does the main model accept images?). */
public interface ModelCatalog {

    /**
     * True when the provider lists {@code model} with image input; false when it does not, or when that is
     * unknown (model unlisted, no modality field, catalog unreachable). Never fails.
     */
    CompletableFuture<Boolean> acceptsImages(String model, String baseUrl, Optional<String> apiKey);

    /** A catalog that knows nothing: no model is taken to accept images. */
    static ModelCatalog unknown() {
        return (model, baseUrl, apiKey) -> CompletableFuture.completedFuture(false);
    }
}
