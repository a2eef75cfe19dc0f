package io.tzurot.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** Reading JSON answers and checking the {@code {error, message, field}} shape. */
public final class ApiAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiAssertions() {
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    public static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return status == 204 ? null : json(response);
    }

    public static void assertError(HttpResponse<String> response, int status, String error, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field == null) {
            assertThat(body.get("field").isNull()).as(response.body()).isTrue();
        } else {
            assertThat(body.get("field").asText()).as(response.body()).isEqualTo(field);
        }
    }
}
