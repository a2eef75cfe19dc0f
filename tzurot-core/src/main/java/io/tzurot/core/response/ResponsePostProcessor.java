package io.tzurot.core.response;

import io.tzurot.core.prompt.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a raw model reply into deliverable text, in the spec's order: repeated copy removed, provider reasoning
 * taken, inline thinking extracted, prompt artifacts and name labels stripped, placeholders substituted, user
 * references named (pipeline.md §6.2).
 */
public final class ResponsePostProcessor {

    /** Transform name: a second copy of the reply was cut off. */
    public static final String DUPLICATE_REMOVAL = "duplicate_removal";
    /** Transform name: thinking was moved out of the reply. */
    public static final String THINKING_EXTRACTION = "thinking_extraction";
    /** Transform name: prompt artifacts were stripped. */
    public static final String ARTIFACT_STRIP = "artifact_strip";
    /** Transform name: placeholders were substituted. */
    public static final String PLACEHOLDER_REPLACEMENT = "placeholder_replacement";
    /** Transform name: user references became persona names. */
    public static final String USER_REFERENCES = "user_references";

    static final String INLINE_REASONING_SEPARATOR = "\n\n=== Additional Inline Reasoning ===\n\n";

    private final ArtifactStripper stripper;
    private final Placeholders placeholders;
    private final UnaryOperator<String> userReferences;

    /** A post-processor for one conversation: the personality's names and the placeholder names. */
    public ResponsePostProcessor(List<String> personalityNames, Placeholders placeholders) {
        this(personalityNames, placeholders, UnaryOperator.identity());
    }

    /** As above, with the last step naming the users the reply refers to ({@code userReferences}). */
    public ResponsePostProcessor(List<String> personalityNames, Placeholders placeholders,
                                 UnaryOperator<String> userReferences) {
        this.stripper = new ArtifactStripper(personalityNames);
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
        this.userReferences = Objects.requireNonNull(userReferences, "userReferences");
    }

    /** Processes {@code reply}. */
    public ProcessedResponse process(ModelReply reply) {
        Objects.requireNonNull(reply, "reply");
        List<String> transforms = new ArrayList<>(4);
        String text = IntraTurnDuplicates.remove(reply.content());
        if (!text.equals(reply.content())) {
            transforms.add(DUPLICATE_REMOVAL);
        }
        ThinkingExtraction thinking = ThinkingExtractor.extract(text);
        if (!thinking.blocks().isEmpty() || !thinking.visible().equals(text.strip())) {
            transforms.add(THINKING_EXTRACTION);
        }
        ArtifactStripper.Stripped stripped = stripper.strip(thinking.visible());
        if (!stripped.artifacts().isEmpty()) {
            transforms.add(ARTIFACT_STRIP);
        }
        String substituted = placeholders.apply(stripped.text());
        if (!substituted.equals(stripped.text())) {
            transforms.add(PLACEHOLDER_REPLACEMENT);
        }
        String content = userReferences.apply(substituted);
        if (!content.equals(substituted)) {
            transforms.add(USER_REFERENCES);
        }
        return new ProcessedResponse(content, mergeReasoning(reply.providerReasoning(), thinking.thinking()),
                transforms, stripped.artifacts());
    }

    private static Optional<String> mergeReasoning(Optional<String> provider, Optional<String> inline) {
        if (provider.isPresent() && inline.isPresent()) {
            return Optional.of(provider.get().strip() + INLINE_REASONING_SEPARATOR + inline.get());
        }
        return provider.map(String::strip).or(() -> inline);
    }
}
