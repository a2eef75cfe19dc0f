package io.tzurot.core.portability.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.AdvancedParameters.ReasoningEffort;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresetFilesTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String fieldOf(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
            return e.error().field();
        }
        throw new AssertionError("no error");
    }

    @Test
    void exportWritesOnlySetValuesInTheReferenceOrder() {
        AdvancedParameters params = new AdvancedParameters(0.7, null, 40, null, null, null, 0.05, null, 7L, 2048,
                List.of("###"), Map.of("12", 1.0), null, false,
                new AdvancedParameters.Reasoning(ReasoningEffort.HIGH, null, false, true), null, null, null);
        Preset p = new Preset(UUID.randomUUID(), "Warm", null, UUID.randomUUID(), false, false, false, "openrouter",
                "anthropic/claude-haiku-4.5", null, params, 65536, Instant.EPOCH, Instant.EPOCH);
        Map<String, Object> json = ReferencePresetJson.of(p);
        assertThat(json.keySet()).containsExactly("name", "provider", "model", "contextWindowTokens", "advancedParameters");
        @SuppressWarnings("unchecked")
        Map<String, Object> ap = (Map<String, Object>) json.get("advancedParameters");
        // stop and logit_bias are not part of the reference's file
        assertThat(ap.keySet()).containsExactly("temperature", "top_k", "max_tokens", "seed", "min_p", "reasoning",
                "show_thinking");
        assertThat(ap.get("reasoning")).isEqualTo(Map.of("effort", "high", "exclude", false, "enabled", true));
    }

    @Test
    void exportThenReadGivesTheSameInput() {
        AdvancedParameters params = new AdvancedParameters(1.1, 0.9, 20, 0.1, -0.2, 1.05, 0.02, 0.1, 3L, 4000, null,
                null, null, true, new AdvancedParameters.Reasoning(ReasoningEffort.LOW, 2048, true, true), null, null, null);
        Preset p = new Preset(UUID.randomUUID(), "Round", "trip", UUID.randomUUID(), false, false, false, "openrouter",
                "openai/gpt-4o", "qwen/qwen-vl", params, 90000, Instant.EPOCH, Instant.EPOCH);
        List<String> ignored = new ArrayList<>();
        PresetInput in = ReferencePresetJson.read(new LinkedHashMap<>(ReferencePresetJson.of(p)), ignored);
        assertThat(in).isEqualTo(PresetInput.of(p).withGlobal(false));
        assertThat(ignored).isEmpty();
    }

    @Test
    void templateReadsBackWithoutProblems() {
        List<String> ignored = new ArrayList<>();
        PresetInput in = ReferencePresetJson.read(ReferencePresetJson.template(), ignored);
        assertThat(in.model()).isEqualTo("anthropic/claude-haiku-4.5");
        assertThat(in.advancedParameters().reasoning().effort()).isEqualTo(ReasoningEffort.MEDIUM);
        assertThat(ignored).isEmpty();
    }

    @Test
    void referenceFileNeedsNameAndVendorModelAndRightTypes() {
        List<String> ignored = new ArrayList<>();
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("model", "a/b"), ignored))).isEqualTo("name");
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("name", "x", "model", "gpt-4o"), ignored))).isEqualTo("model");
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("name", "x", "model", "a/b",
                "advancedParameters", map("temperature", "hot")), ignored))).isEqualTo("advancedParameters.temperature");
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("name", "x", "model", "a/b",
                "advancedParameters", map("temperature", 5)), ignored))).isEqualTo("advancedParameters");
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("name", "x", "model", "a/b",
                "advancedParameters", map("top_k", 2.5)), ignored))).isEqualTo("advancedParameters.top_k");
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("name", "x", "model", "a/b",
                "advancedParameters", List.of()), ignored))).isEqualTo("advancedParameters");
        assertThat(fieldOf(() -> ReferencePresetJson.read(map("name", "x", "model", "a/b",
                "advancedParameters", map("reasoning", map("effort", "huge"))), ignored)))
                .isEqualTo("advancedParameters.reasoning.effort");
    }

    @Test
    void referenceFileListsUnknownKeys() {
        List<String> ignored = new ArrayList<>();
        ReferencePresetJson.read(map("name", "x", "model", "a/b", "id", "123", "memoryLimit", 5,
                "advancedParameters", map("temperature", 0.5, "logit_bias", map(), "reasoning", map("foo", 1))), ignored);
        assertThat(ReferencePresetJson.sorted(ignored)).containsExactly("advancedParameters.logit_bias",
                "advancedParameters.reasoning.foo", "id", "memoryLimit");
    }

    @Test
    void sillyTavernPresetMapsSamplingLengthStopAndEffort() {
        Map<String, Object> st = map("chat_completion_source", "openrouter", "openrouter_model", "mistralai/mistral-large",
                "openai_model", "gpt-4-turbo", "temperature", 0.9, "top_p", 0.95, "top_k", 40, "min_p", 0.05,
                "top_a", 0.0, "frequency_penalty", 0.1, "presence_penalty", 0.2, "repetition_penalty", 1.1,
                "openai_max_tokens", 800, "openai_max_context", 32000, "reasoning_effort", "max",
                "custom_stop_strings", "[\"\\nUser:\", \"###\"]", "seed", -1, "stream_openai", true,
                "prompts", List.of(map("identifier", "main")), "wrap_in_quotes", false);
        List<String> ignored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        PresetInput in = SillyTavernPresetJson.read(st, Optional.of("Large"), Optional.of("file"), Optional.empty(), ignored, notes);
        assertThat(in.name()).isEqualTo("Large");
        assertThat(in.model()).isEqualTo("mistralai/mistral-large");
        assertThat(in.contextWindowTokens()).isEqualTo(32000);
        AdvancedParameters p = in.advancedParameters();
        assertThat(p.temperature()).isEqualTo(0.9);
        assertThat(p.topP()).isEqualTo(0.95);
        assertThat(p.topK()).isEqualTo(40);
        assertThat(p.minP()).isEqualTo(0.05);
        assertThat(p.frequencyPenalty()).isEqualTo(0.1);
        assertThat(p.presencePenalty()).isEqualTo(0.2);
        assertThat(p.repetitionPenalty()).isEqualTo(1.1);
        assertThat(p.maxTokens()).isEqualTo(800);
        assertThat(p.stop()).containsExactly("\nUser:", "###");
        assertThat(p.reasoning().effort()).isEqualTo(ReasoningEffort.XHIGH);
        assertThat(p.seed()).isNull();
        assertThat(ReferencePresetJson.sorted(ignored)).containsExactly("openai_model", "prompts", "stream_openai",
                "wrap_in_quotes");
        assertThat(notes).singleElement().asString().contains("random seed");
    }

    @Test
    void sillyTavernModelOfOtherSourcesGetsItsVendor() {
        List<String> ignored = new ArrayList<>();
        PresetInput in = SillyTavernPresetJson.read(map("chat_completion_source", "claude", "claude_model",
                "claude-3-5-sonnet", "openai_max_tokens", 300), Optional.of("c"), Optional.empty(), Optional.empty(), ignored, new ArrayList<>());
        assertThat(in.model()).isEqualTo("anthropic/claude-3-5-sonnet");
        PresetInput over = SillyTavernPresetJson.read(map("chat_completion_source", "custom", "openai_max_tokens", 300),
                Optional.of("c"), Optional.empty(), Optional.of("qwen/qwen3-32b"), ignored, new ArrayList<>());
        assertThat(over.model()).isEqualTo("qwen/qwen3-32b");
    }

    @Test
    void sillyTavernNameComesFromTheCallerThenTheFileThenTheFileName() {
        Map<String, Object> st = map("openrouter_model", "a/b", "openai_max_tokens", 300);
        List<String> ignored = new ArrayList<>();
        assertThat(SillyTavernPresetJson.read(st, Optional.empty(), Optional.of("Cozy"), Optional.empty(), ignored,
                new ArrayList<>()).name()).isEqualTo("Cozy");
        st.put("name", "Inside");
        assertThat(SillyTavernPresetJson.read(st, Optional.empty(), Optional.of("Cozy"), Optional.empty(), ignored,
                new ArrayList<>()).name()).isEqualTo("Inside");
        assertThat(SillyTavernPresetJson.read(st, Optional.of("Given"), Optional.of("Cozy"), Optional.empty(), ignored,
                new ArrayList<>()).name()).isEqualTo("Given");
    }

    @Test
    void sillyTavernBadValuesNameTheirKey() {
        List<String> ignored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Object> base = map("openrouter_model", "a/b", "openai_max_tokens", 300);
        assertThat(fieldOf(() -> SillyTavernPresetJson.read(base, Optional.empty(), Optional.empty(), Optional.empty(), ignored, notes)))
                .isEqualTo("name");
        Map<String, Object> noModel = map("chat_completion_source", "custom", "openai_max_tokens", 300);
        assertThat(fieldOf(() -> SillyTavernPresetJson.read(noModel, Optional.of("n"), Optional.empty(), Optional.empty(), ignored, notes)))
                .isEqualTo("model");
        Map<String, Object> badStop = new LinkedHashMap<>(base);
        badStop.put("custom_stop_strings", "[\"unclosed");
        assertThat(fieldOf(() -> SillyTavernPresetJson.read(badStop, Optional.of("n"), Optional.empty(), Optional.empty(), ignored, notes)))
                .isEqualTo("custom_stop_strings");
        Map<String, Object> stopNumbers = new LinkedHashMap<>(base);
        stopNumbers.put("stop", List.of(1, 2));
        assertThat(fieldOf(() -> SillyTavernPresetJson.read(stopNumbers, Optional.of("n"), Optional.empty(), Optional.empty(), ignored, notes)))
                .isEqualTo("stop");
        Map<String, Object> tokensText = new LinkedHashMap<>(base);
        tokensText.put("openai_max_tokens", "300");
        assertThat(fieldOf(() -> SillyTavernPresetJson.read(tokensText, Optional.of("n"), Optional.empty(), Optional.empty(), ignored, notes)))
                .isEqualTo("openai_max_tokens");
        Map<String, Object> effort = new LinkedHashMap<>(base);
        effort.put("reasoning_effort", "ludicrous");
        assertThat(fieldOf(() -> SillyTavernPresetJson.read(effort, Optional.of("n"), Optional.empty(), Optional.empty(), ignored, notes)))
                .isEqualTo("reasoning_effort");
    }

    @Test
    void stopStringTextParsesEscapesAndRefusesGarbage() {
        assertThat(StringArrayText.parse(" [ \"a\\\"b\" , \"\\u00e9\\n\" ] ", "f")).containsExactly("a\"b", "é\n");
        assertThat(StringArrayText.parse("[]", "f")).isEmpty();
        for (String bad : List.of("", "[", "[\"a\",]", "[\"a\"] x", "{}", "[1]", "[\"\\q\"]", "[\"\\u12\"]")) {
            assertThatThrownBy(() -> StringArrayText.parse(bad, "f")).as(bad).isInstanceOf(DomainException.class);
        }
    }
}
