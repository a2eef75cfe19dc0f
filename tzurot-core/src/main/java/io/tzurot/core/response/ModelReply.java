package io.tzurot.core.response;

import io.tzurot.core.model.FinishReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one model call returned, before post-processing.
 *
 * @param content the raw text
 * @param providerReasoning reasoning the provider returned in a separate field, if any
 * @param finishReason why generation ended
 * @param completionTokens output tokens the provider reported, if any
 * @param stopSequenceTriggered true when one of our stop sequences ended the generation
 * @param elapsed how long the call took
 */
public record ModelReply(String content, Optional<String> providerReasoning, FinishReason finishReason,
        OptionalInt completionTokens, boolean stopSequenceTriggered, Duration elapsed) {

    /** Validates the fields. */
    public ModelReply {
        content = content == null ? "" : content;
        providerReasoning = Objects.requireNonNullElse(providerReasoning, Optional.<String>empty())
                .filter(r -> !r.isBlank());
        finishReason = Objects.requireNonNullElse(finishReason, FinishReason.UNREPORTED);
        completionTokens = Objects.requireNonNullElse(completionTokens, OptionalInt.empty());
        if (completionTokens.isPresent() && completionTokens.getAsInt() < 0) {
            throw new IllegalArgumentException("completionTokens must be >= 0, was " + completionTokens.getAsInt());
        }
        Objects.requireNonNull(elapsed, "elapsed must not be null");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative, was " + elapsed);
        }
    }
}
