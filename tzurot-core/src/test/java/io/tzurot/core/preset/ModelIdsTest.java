package io.tzurot.core.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainException;
import org.junit.jupiter.api.Test;

class ModelIdsTest {

    @Test
    void providerModelIdsAreAccepted() {
        assertThat(ModelIds.isValid("anthropic/claude-haiku-4.5")).isTrue();
        assertThat(ModelIds.isValid("meta-llama/llama-3.1-8b-instruct:free")).isTrue();
        assertThat(ModelIds.isValid("qwen2.5:7b")).isTrue();
        assertThat(ModelIds.isValid("gpt-4o")).isTrue();
        assertThat(ModelIds.isValid("hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M")).isTrue();
    }

    @Test
    void pathsAndOddCharactersAreRefused() {
        assertThat(ModelIds.isValid("../../../etc/passwd")).isFalse();
        assertThat(ModelIds.isValid("/etc/passwd")).isFalse();
        assertThat(ModelIds.isValid("a/../b")).isFalse();
        assertThat(ModelIds.isValid("a..b")).isFalse();
        assertThat(ModelIds.isValid("model with spaces")).isFalse();
        assertThat(ModelIds.isValid("a/b?x=1")).isFalse();
        assertThat(ModelIds.isValid("x".repeat(201))).isFalse();
        assertThat(ModelIds.isValid("")).isFalse();
    }

    @Test
    void theRefusalNamesTheField() {
        assertThatThrownBy(() -> ModelIds.require("visionModel", "../../../etc/passwd"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("visionModel");
                    assertThat(e.getMessage()).contains("anthropic/claude-haiku-4.5");
                });
        assertThat(ModelIds.require("model", "  qwen2.5:7b ")).isEqualTo("qwen2.5:7b");
    }
}
