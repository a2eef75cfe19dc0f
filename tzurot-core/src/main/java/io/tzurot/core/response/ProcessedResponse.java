package io.tzurot.core.response;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply after post-processing.
 *
 * @param content the text to deliver (may be empty: then the attempt counts as empty)
 * @param reasoning provider reasoning and inline thinking, if any
 * @param transformsApplied names of the steps that changed something, in order
 * @param artifactsStripped names of the artifact rules that fired, in order
 */
public record ProcessedResponse(String content, Optional<String> reasoning, List<String> transformsApplied,
        List<String> artifactsStripped) {

    /** Validates and copies the fields. */
    public ProcessedResponse {
        Objects.requireNonNull(content, "content must not be null");
        reasoning = Objects.requireNonNullElse(reasoning, Optional.empty());
        transformsApplied = List.copyOf(transformsApplied);
        artifactsStripped = List.copyOf(artifactsStripped);
    }

    /** True when nothing visible is left. */
    public boolean isEmpty() {
        return content.isBlank();
    }
}
