package io.tzurot.core.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.preset.AdvancedParameters.Reasoning;
import io.tzurot.core.preset.AdvancedParameters.ReasoningEffort;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdvancedParametersTest {

    private static AdvancedParameters with(Double temperature, Integer topK, Map<String, Double> bias, String route) {
        return new AdvancedParameters(temperature, null, topK, null, null, null, null, null, null, null, null, bias,
                null, null, null, null, route, null);
    }

    @Test
    void valuesOutOfRangeAreRejectedWithTheirSnakeCaseNames() {
        assertThatThrownBy(() -> with(2.5, null, null, null)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> with(null, -1, null, null)).hasMessageContaining("top_k");
        assertThatThrownBy(() -> with(null, null, Map.of("11", 101.0), null)).hasMessageContaining("logit_bias[11]");
        assertThatThrownBy(() -> with(null, null, null, "random")).hasMessageContaining("route");
        assertThatThrownBy(() -> new Reasoning(ReasoningEffort.LOW, 512, null, null)).hasMessageContaining("1024 to 32000");
        assertThat(with(0.0, 0, Map.of("11", -100.0), "fallback").temperature()).isZero();
    }

    @Test
    void presetDraftChecksTheReasoningBudgetAgainstMaxTokens() {
        AdvancedParameters tooBig = new AdvancedParameters(null, null, null, null, null, null, null, null, null, 2000,
                null, null, null, null, new Reasoning(ReasoningEffort.HIGH, 4000, null, null), null, null, null);

        assertThat(tooBig.reasoningBudgetExceedsMaxTokens()).isTrue();
        assertThatThrownBy(() -> PresetDraft.of("x", "y").withAdvancedParameters(tooBig))
                .hasMessageContaining("reasoning.max_tokens must be below max_tokens");
    }

    @Test
    void presetDraftValidatesItsFields() {
        assertThatThrownBy(() -> PresetDraft.of(" ", "m")).hasMessageContaining("name must be 1-100");
        assertThatThrownBy(() -> PresetDraft.of("n", "")).hasMessageContaining("model must be 1-200");
        assertThatThrownBy(() -> new PresetDraft("n", null, false, null, "m", null, null, 999))
                .hasMessageContaining("contextWindowTokens");
        PresetDraft ok = new PresetDraft(" n ", " ", true, " ", " m ", "", null, 1000);
        assertThat(ok.name()).isEqualTo("n");
        assertThat(ok.description()).isNull();
        assertThat(ok.provider()).isEqualTo("openrouter");
        assertThat(ok.visionModel()).isNull();
        assertThat(ok.advancedParameters()).isEqualTo(AdvancedParameters.NONE);
    }
}
