package io.tzurot.ai.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.model.ModelError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provider errors in words: status, the provider's code and message; never an empty object, never a key. */
class ProviderMessageTest {

    @Test
    void anOpenAiStyleErrorGivesItsCodeAndMessage() {
        assertThat(ErrorClassifier.fromStatus(429, "{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\"}}",
                Optional.empty()).detail()).isEqualTo("HTTP 429: [code rate_limit_exceeded] Slow down");
        assertThat(ErrorClassifier.providerMessage("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Bad model\"}}"))
                .isEqualTo("[code invalid_request_error] Bad model");
    }

    @Test
    void aStreamedErrorObjectAloneIsReadToo() {
        assertThat(ErrorClassifier.providerMessage("{\"code\":502,\"message\":\"Provider returned error\","
                + "\"metadata\":{\"raw\":\"upstream timed out\"}}"))
                .isEqualTo("[code 502] Provider returned error (upstream: upstream timed out)");
    }

    @Test
    void anEmptyBodyOrObjectSaysSoInsteadOfBraces() {
        assertThat(ErrorClassifier.providerMessage("{}")).isEqualTo("(no message from the provider)");
        assertThat(ErrorClassifier.providerMessage("{\"error\":{}}")).isEqualTo("(no message from the provider)");
        assertThat(ErrorClassifier.providerMessage("")).isEqualTo("(no message from the provider)");
        assertThat(ErrorClassifier.providerMessage("{\"error\":{\"code\":500}}")).isEqualTo("[code 500] (no message from the provider)");
        ModelError error = ErrorClassifier.fromStatus(500, "{}", Optional.empty());
        assertThat(error.detail()).isEqualTo("HTTP 500: (no message from the provider)");
    }

    @Test
    void anUnknownShapeIsShownAsItIs() {
        assertThat(ErrorClassifier.providerMessage("{\"error\":{\"reason\":\"maintenance\"}}"))
                .isEqualTo("{\"reason\":\"maintenance\"}");
        assertThat(ErrorClassifier.providerMessage("Service Unavailable")).isEqualTo("Service Unavailable");
    }

    @Test
    void keysAndTokensAreMasked() {
        String text = ErrorClassifier.providerMessage("{\"error\":{\"message\":\"Incorrect API key provided: "
                + "sk-proj-abcdefghijklmnop1234. Header was Bearer abc.def.ghi; api_key=zzzz9999\"}}");
        assertThat(text).doesNotContain("abcdefghijklmnop1234", "abc.def.ghi", "zzzz9999")
                .contains("sk-****", "Bearer ****", "api_key=****");
    }
}
