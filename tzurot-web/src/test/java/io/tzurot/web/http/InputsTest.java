package io.tzurot.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputsTest {

    enum Visibility { PUBLIC, PRIVATE }

    private static void fails(Runnable r, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void stringsAreTrimmedAndBoundedByCharactersNotBytes() {
        assertThat(Inputs.requiredString("name", "  Lilith ", 10)).isEqualTo("Lilith");
        assertThat(Inputs.requiredString("name", "ééééé", 5)).isEqualTo("ééééé");
        fails(() -> Inputs.requiredString("name", "abcdef", 5), "name", "at most 5");
        fails(() -> Inputs.requiredString("name", null, 5), "name", "required");
        assertThat(Inputs.optionalString("bio", "  ", 5)).isEmpty();
    }

    @Test
    void enumsIntegersUuidsAndBooleans() {
        assertThat(Inputs.oneOf("visibility", "Public", Visibility.class)).isEqualTo(Visibility.PUBLIC);
        fails(() -> Inputs.oneOf("visibility", "secret", Visibility.class), "visibility", "public, private");
        assertThat(Inputs.integer("limit", "20", 1, 100)).isEqualTo(20);
        fails(() -> Inputs.integer("limit", "0", 1, 100), "limit", "from 1 to 100");
        fails(() -> Inputs.integer("limit", "ten", 1, 100), "limit", "whole number");
        fails(() -> Inputs.uuid("id", "123"), "id", "UUID");
        assertThat(Inputs.booleanParam("all", null, false)).isFalse();
        fails(() -> Inputs.booleanParam("all", "1", false), "all", "true or false");
    }

    @Test
    void jsonBodiesGiveTypedAccessWithClearErrors() {
        JsonBody body = Inputs.parseObject("{\"n\": 7, \"flag\": true, \"kind\": \"private\", \"s\": \"x\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(body.requiredInteger("n", 0, 10)).isEqualTo(7);
        assertThat(body.optionalBoolean("flag", false)).isTrue();
        assertThat(body.requiredEnum("kind", Visibility.class)).isEqualTo(Visibility.PRIVATE);
        fails(() -> body.requiredInteger("s", 0, 10), "s", "whole number");
        fails(() -> body.requiredString("n", 5), "n", "must be a string, got a number");
        fails(() -> Inputs.parseObject("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)), null, "not valid JSON");
    }
}
