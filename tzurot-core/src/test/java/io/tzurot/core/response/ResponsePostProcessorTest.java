package io.tzurot.core.response;

import io.tzurot.core.model.FinishReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.Placeholders;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ResponsePostProcessorTest {

    private final ResponsePostProcessor processor =
            new ResponsePostProcessor(List.of("Lilith"), new Placeholders("Ari", "Lilith"));

    static ModelReply reply(String content, Optional<String> reasoning) {
        return new ModelReply(content, reasoning, FinishReason.STOP, OptionalInt.of(40), false, Duration.ofSeconds(3));
    }

    @Test
    void runsTheStepsInOrderAndRecordsThem() {
        ProcessedResponse result = processor.process(reply("<think>plan</think>Lilith: Welcome back, {user}.",
                Optional.of("provider reasoning")));

        assertThat(result.content()).isEqualTo("Welcome back, Ari.");
        assertThat(result.reasoning())
                .contains("provider reasoning\n\n=== Additional Inline Reasoning ===\n\nplan");
        assertThat(result.transformsApplied()).containsExactly(ResponsePostProcessor.THINKING_EXTRACTION,
                ResponsePostProcessor.ARTIFACT_STRIP, ResponsePostProcessor.PLACEHOLDER_REPLACEMENT);
        assertThat(result.artifactsStripped()).containsExactly("name_prefix");
    }

    @Test
    void theUnclosedThinkReplyIsShownNotEmptied() {
        ProcessedResponse result = processor.process(reply(
                "<think>*She smiles and slides the map across the counter.* Keep it safe.", Optional.empty()));

        assertThat(result.isEmpty()).isFalse();
        assertThat(result.content()).isEqualTo("*She smiles and slides the map across the counter.* Keep it safe.");
        assertThat(result.reasoning()).isEmpty();
    }

    @Test
    void aReplyOfOnlyThinkingIsEmptyButKeepsItsReasoning() {
        ProcessedResponse result = processor.process(reply("<reasoning>all thought</reasoning>", Optional.empty()));

        assertThat(result.isEmpty()).isTrue();
        assertThat(result.reasoning()).contains("all thought");
    }

    @Test
    void removesARepeatedCopyFirst() {
        String once = "A long enough answer about the harbor map and its redrawn serpent, which matters a great deal.";

        ProcessedResponse result = processor.process(reply(once + "\n" + once, Optional.empty()));

        assertThat(result.content()).isEqualTo(once);
        assertThat(result.transformsApplied()).containsExactly(ResponsePostProcessor.DUPLICATE_REMOVAL);
    }

    @Test
    void userReferencesAreNamedLastAndRecordedOnlyWhenSomethingChanged() {
        ResponsePostProcessor naming = new ResponsePostProcessor(List.of("Lilith"), new Placeholders("Ari", "Lilith"),
                text -> text.replace("<@123>", "Bo"));

        ProcessedResponse named = naming.process(reply("Lilith: {user}, <@123> says hi.", Optional.empty()));

        assertThat(named.content()).isEqualTo("Ari, Bo says hi.");
        assertThat(named.transformsApplied()).containsExactly(ResponsePostProcessor.ARTIFACT_STRIP,
                ResponsePostProcessor.PLACEHOLDER_REPLACEMENT, ResponsePostProcessor.USER_REFERENCES);
        assertThat(naming.process(reply("Nobody referenced.", Optional.empty())).transformsApplied()).isEmpty();
    }

    @Test
    void providerReasoningAloneIsKept() {
        assertThat(processor.process(reply("Hi.", Optional.of(" because "))).reasoning()).contains("because");
        assertThat(processor.process(reply("Hi.", Optional.of("  "))).reasoning()).isEmpty();
    }
}
