package io.tzurot.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Validation and helpers of the model records. */
class ModelRecordsTest {

    @Test
    void parametersRejectOutOfRangeValuesWithTheirWireName() {
        assertThatThrownBy(() -> ModelParameters.builder().temperature(2.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        assertThatThrownBy(() -> ModelParameters.builder().topP(1.1).build()).hasMessageContaining("top_p");
        assertThatThrownBy(() -> ModelParameters.builder().topK(-1).build()).hasMessageContaining("top_k");
        assertThatThrownBy(() -> ModelParameters.builder().minP(-0.1).build()).hasMessageContaining("min_p");
        assertThatThrownBy(() -> ModelParameters.builder().topA(1.5).build()).hasMessageContaining("top_a");
        assertThatThrownBy(() -> ModelParameters.builder().frequencyPenalty(-2.1).build())
                .hasMessageContaining("frequency_penalty");
        assertThatThrownBy(() -> ModelParameters.builder().presencePenalty(2.1).build())
                .hasMessageContaining("presence_penalty");
        assertThatThrownBy(() -> ModelParameters.builder().repetitionPenalty(2.1).build())
                .hasMessageContaining("repetition_penalty");
        assertThatThrownBy(() -> ModelParameters.builder().maxTokens(0).build()).hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> ModelParameters.builder().logitBias(Map.of("5", 101)).build())
                .hasMessageContaining("logit_bias");
        assertThatThrownBy(() -> ModelParameters.builder().route("fastest").build()).hasMessageContaining("route");
        assertThatThrownBy(() -> ModelParameters.builder().temperature(Double.NaN).build())
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> new Reasoning(null, 512, null, null)).hasMessageContaining("reasoning.max_tokens");
    }

    @Test
    void parametersAcceptBoundaryValuesAndCopyCollections() {
        List<String> stop = new java.util.ArrayList<>(List.of("</message>"));
        ModelParameters p = ModelParameters.builder().temperature(0.0).topP(1.0).frequencyPenalty(-2.0)
                .presencePenalty(2.0).repetitionPenalty(0.0).stop(stop).build();
        stop.add("changed");

        assertThat(p.stop()).containsExactly("</message>");
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    void emptyReasoningIsDropped() {
        assertThat(ModelParameters.builder().reasoning(new Reasoning(null, null, null, null)).build().reasoning())
                .isNull();
    }

    @Test
    void reasoningEffortsCarryTheReferenceMaxTokens() {
        assertThat(ReasoningEffort.fromWire("XHigh")).isEqualTo(ReasoningEffort.XHIGH);
        assertThat(ReasoningEffort.XHIGH.defaultMaxTokens()).isEqualTo(65536);
        assertThat(ReasoningEffort.NONE.defaultMaxTokens()).isEqualTo(4096);
        assertThat(ReasoningEffort.MINIMAL.wireName()).isEqualTo("minimal");
        assertThatThrownBy(() -> ReasoningEffort.fromWire("max")).hasMessageContaining("max");
    }

    @Test
    void onlyUserMessagesCarryImagesAndMessagesNeedParts() {
        ContentPart.Image image = ContentPart.Image.ofUrl("https://cdn.example/a.png");
        assertThatThrownBy(() -> new ModelMessage(Role.SYSTEM, List.of(image))).hasMessageContaining("SYSTEM");
        assertThatThrownBy(() -> new ModelMessage(Role.USER, List.of())).hasMessageContaining("at least one");

        ModelMessage message = ModelMessage.user("what is this?", List.of(image));
        assertThat(message.hasImages()).isTrue();
        assertThat(message.text()).isEqualTo("what is this?");
        assertThat(message.parts().get(0)).isEqualTo(image);
    }

    @Test
    void imagesMustBeWebOrDataUrlsAndHideInlineBytesInToString() {
        assertThatThrownBy(() -> ContentPart.Image.ofUrl("file:///etc/passwd")).hasMessageContaining("http");
        assertThatThrownBy(() -> new ContentPart.Image("https://x/y.png", "ultra")).hasMessageContaining("detail");
        assertThatThrownBy(() -> ContentPart.Image.ofBytes(new byte[1], "text/plain")).hasMessageContaining("image/");

        ContentPart.Image inline = ContentPart.Image.ofBytes(new byte[] {1, 2, 3}, "image/png");
        assertThat(inline.url()).isEqualTo("data:image/png;base64,AQID");
        assertThat(inline.isInline()).isTrue();
        assertThat(inline.toString()).doesNotContain("AQID");
    }

    @Test
    void requestNeedsModelAndMessagesAndDefaultsParameters() {
        assertThatThrownBy(() -> new ModelRequest(" ", List.of(ModelMessage.user("x")), null))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> new ModelRequest("m", List.of(), null)).hasMessageContaining("message");

        ModelRequest request = new ModelRequest("m", List.of(ModelMessage.user("x")), null);
        assertThat(request.parameters()).isEqualTo(ModelParameters.DEFAULTS);
        assertThat(request.withModel("n").model()).isEqualTo("n");
    }

    @Test
    void finishReasonsMapFromProviderStrings() {
        assertThat(FinishReason.fromWire("stop")).isEqualTo(FinishReason.STOP);
        assertThat(FinishReason.fromWire("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(FinishReason.fromWire("length")).isEqualTo(FinishReason.LENGTH);
        assertThat(FinishReason.fromWire("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(FinishReason.fromWire("tool_calls")).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(FinishReason.fromWire("error")).isEqualTo(FinishReason.ERROR);
        assertThat(FinishReason.fromWire("unknown")).isEqualTo(FinishReason.UNKNOWN);
        assertThat(FinishReason.fromWire("something_new")).isEqualTo(FinishReason.OTHER);
        assertThat(FinishReason.fromWire(null)).isEqualTo(FinishReason.UNREPORTED);
    }

    @Test
    void permanentErrorsAreNotRetryableAndAllHaveUserMessages() {
        List<ModelError> permanent = List.of(new ModelError.BadRequest("d"), new ModelError.Unauthorized("d"),
                new ModelError.PaymentRequired("d"), new ModelError.Forbidden("d"), new ModelError.ModelNotFound("d"));
        List<ModelError> transientOnes = List.of(new ModelError.RateLimited("d", Optional.empty()),
                new ModelError.ServerError(503, "d"), new ModelError.Timeout("d"), new ModelError.Network("d"),
                new ModelError.BadResponse("d"));

        assertThat(permanent).noneMatch(ModelError::retryable);
        assertThat(transientOnes).allMatch(ModelError::retryable);
        assertThat(permanent).extracting(e -> e.statusCode().getAsInt()).containsExactly(400, 401, 402, 403, 404);
        assertThat(new ModelError.Timeout("d").statusCode()).isEmpty();
        assertThat(permanent).allSatisfy(e -> assertThat(e.userMessage()).isNotBlank());
        assertThat(transientOnes).allSatisfy(e -> assertThat(e.userMessage()).isNotBlank());
        assertThat(new ModelCallException(new ModelError.PaymentRequired("no credits")).getMessage())
                .isEqualTo("PaymentRequired: no credits");
    }

    @Test
    void audioClipsNeedBytesAndANameAndPrintWithoutContent() {
        assertThatThrownBy(() -> new AudioClip(new byte[0], "a.ogg", "audio/ogg")).hasMessageContaining("empty");
        assertThatThrownBy(() -> new AudioClip(new byte[1], " ", "audio/ogg")).hasMessageContaining("fileName");
        assertThat(new AudioClip(new byte[3], "a.ogg", "audio/ogg").toString()).contains("3 bytes");
    }

    @Test
    void usageTotalsAndRejectsNegatives() {
        assertThat(new TokenUsage(10, 5).totalTokens()).isEqualTo(15);
        assertThatThrownBy(() -> new TokenUsage(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
