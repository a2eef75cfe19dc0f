package io.tzurot.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's reply: visible content, the reasoning text if the provider returned one in a separate
 * field, why it stopped, token usage if reported, the model that actually answered (OpenRouter may
 * route elsewhere), the wall time of the whole call including retries, and how many attempts it took.
 */
public record ModelResponse(
        String content,
        Optional<String> reasoning,
        FinishReason finishReason,
        Optional<TokenUsage> usage,
        String modelUsed,
        Duration elapsed,
        int attempts) {

    public ModelResponse {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(modelUsed, "modelUsed");
        Objects.requireNonNull(elapsed, "elapsed");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
    }
}
