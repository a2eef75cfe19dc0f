package io.tzurot.storage.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonSanitizerTest {

    @Test
    void leavesCleanJsonUntouched() {
        String json = "{\"a\":\"caf\\u00e9 \\\"quoted\\\" \\\\u0000 literal\",\"e\":\"😀\",\"p\":\"\\ud83d\\ude00\"}";
        assertThat(JsonSanitizer.sanitize(json)).isSameAs(json);
    }

    @Test
    void dropsNulCharactersAndEscapes() {
        assertThat(JsonSanitizer.sanitize("{\"a\":\"x\u0000y\\u0000z\"}")).isEqualTo("{\"a\":\"xyz\"}");
    }

    @Test
    void replacesUnpairedSurrogates() {
        assertThat(JsonSanitizer.sanitize("{\"a\":\"\uD83D!\"}")).isEqualTo("{\"a\":\"\uFFFD!\"}");
        assertThat(JsonSanitizer.sanitize("{\"a\":\"\uDE00\"}")).isEqualTo("{\"a\":\"\uFFFD\"}");
        assertThat(JsonSanitizer.sanitize("{\"a\":\"\\ud83d!\"}")).isEqualTo("{\"a\":\"\\ufffd!\"}");
        assertThat(JsonSanitizer.sanitize("{\"a\":\"\\ude00\"}")).isEqualTo("{\"a\":\"\\ufffd\"}");
    }
}
