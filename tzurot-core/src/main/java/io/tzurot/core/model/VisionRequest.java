package io.tzurot.core.model;

import java.util.Objects;
import java.util.Optional;

/** What to describe: the image, the vision model, and an optional system prompt (the personality's). */
public record VisionRequest(ContentPart.Image image, String model, Optional<String> systemPrompt) {

    public VisionRequest {
        Objects.requireNonNull(image, "image");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("vision model must not be blank");
        }
        Objects.requireNonNull(systemPrompt, "systemPrompt");
    }
}
