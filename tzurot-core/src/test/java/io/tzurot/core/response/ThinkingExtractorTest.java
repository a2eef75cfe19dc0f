package io.tzurot.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThinkingExtractorTest {

    @ParameterizedTest
    @ValueSource(strings = {"think", "thinking", "ant_thinking", "reasoning", "thought", "reflection", "scratchpad",
        "THINK", "Reasoning"})
    void extractsEveryTagVariant(String tag) {
        ThinkingExtraction result = ThinkingExtractor.extract("<" + tag + ">Plan the answer.</" + tag + ">Hello!");

        assertThat(result.visible()).isEqualTo("Hello!");
        assertThat(result.thinking()).contains("Plan the answer.");
    }

    @Test
    void extractsAllBlocksAndJoinsThem() {
        ThinkingExtraction result = ThinkingExtractor.extract(
                "<think>first</think>Hello <thought type=\"inner\">second</thought>there");

        assertThat(result.visible()).isEqualTo("Hello there");
        assertThat(result.blocks()).containsExactly("first", "second");
        assertThat(result.thinking()).contains("first\n\n---\n\nsecond");
    }

    @Test
    void namespacedTagsAreNormalised() {
        ThinkingExtraction result = ThinkingExtractor.extract("<x:think>hidden</x:think>Shown.");

        assertThat(result.visible()).isEqualTo("Shown.");
        assertThat(result.thinking()).contains("hidden");
    }

    @Test
    void anUnclosedThinkThatWouldLeaveNothingIsTheReply() {
        ThinkingExtraction result = ThinkingExtractor.extract(
                "<think>*She tilts her head and traces the serpent on the map.* It is real, then.");

        assertThat(result.visible()).isEqualTo("*She tilts her head and traces the serpent on the map.* It is real, then.");
        assertThat(result.thinking()).isEmpty();
    }

    @Test
    void anUnclosedThinkAfterVisibleTextIsThinking() {
        ThinkingExtraction result = ThinkingExtractor.extract("Sure thing.\n<think>now plan the next part");

        assertThat(result.visible()).isEqualTo("Sure thing.");
        assertThat(result.thinking()).contains("now plan the next part");
    }

    @Test
    void anOrphanClosingTagAfterEnoughTextEndsThinking() {
        ThinkingExtraction result = ThinkingExtractor.extract("The user wants a map, answer warmly.</think>Here it is.");

        assertThat(result.visible()).isEqualTo("Here it is.");
        assertThat(result.thinking()).contains("The user wants a map, answer warmly.");
    }

    @Test
    void aShortPrefixBeforeAnOrphanClosingTagStaysVisible() {
        ThinkingExtraction result = ThinkingExtractor.extract("Oh!</think> Hello.");

        assertThat(result.visible()).isEqualTo("Oh! Hello.");
        assertThat(result.thinking()).isEmpty();
    }

    @Test
    void cleansChimeraArtifactsHarmonyTokensAndBlankLines() {
        assertThat(ThinkingExtractor.extract("Hello there\nab.</think>").visible()).isEqualTo("Hello there");
        assertThat(ThinkingExtractor.extract("<|start|>assistant<|message|>Hi<|end|>").visible())
                .isEqualTo("assistantHi");
        assertThat(ThinkingExtractor.extract("<think>x</think>\n\nOne\n\n\n\nTwo\n").visible()).isEqualTo("One\n\nTwo");
    }

    @Test
    void replyMadeOnlyOfThinkingIsEmpty() {
        ThinkingExtraction result = ThinkingExtractor.extract("<think>only thoughts</think>");

        assertThat(result.visible()).isEmpty();
        assertThat(result.thinking()).contains("only thoughts");
    }

    @Test
    void plainTextIsUntouched() {
        assertThat(ThinkingExtractor.extract("Just a reply.").visible()).isEqualTo("Just a reply.");
        assertThat(ThinkingExtractor.extract(null).visible()).isEmpty();
    }
}
