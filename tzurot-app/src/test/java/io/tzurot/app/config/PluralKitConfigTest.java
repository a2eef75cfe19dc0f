package io.tzurot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluralKitConfigTest {

    @TempDir
    Path dir;

    private TzurotConfig load(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    @Test
    void offByDefaultWithThePublicApiAndASecondAndAHalfOfGrace() {
        PluralKitConfig pk = load().pluralKit();
        assertThat(pk.enabled()).isFalse();
        assertThat(pk.baseUrl().toString()).isEqualTo("https://api.pluralkit.me/v2");
        assertThat(pk.grace()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void onTakesTheApiAndGraceGiven() {
        PluralKitConfig pk = load("TZUROT_PLURALKIT", " ON ", "TZUROT_PLURALKIT_BASE_URL", "http://127.0.0.1:9999/v2/",
                "TZUROT_PLURALKIT_GRACE_MS", "2000").pluralKit();
        assertThat(pk.enabled()).isTrue();
        assertThat(pk.baseUrl().toString()).isEqualTo("http://127.0.0.1:9999/v2");
        assertThat(pk.grace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(load("TZUROT_PLURALKIT", "false").pluralKit().enabled()).isFalse();
    }

    @Test
    void badValuesStopStartUpNamingTheVariableAndWhatIsExpected() {
        assertThatThrownBy(() -> load("TZUROT_PLURALKIT", "maybe")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_PLURALKIT=maybe is invalid").hasMessageContaining("expected on or off");
        assertThatThrownBy(() -> load("TZUROT_PLURALKIT_BASE_URL", "ftp://pk.example/v2"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TZUROT_PLURALKIT_BASE_URL")
                .hasMessageContaining("expected an http(s) URL");
        assertThatThrownBy(() -> load("TZUROT_PLURALKIT_GRACE_MS", "20000")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_PLURALKIT_GRACE_MS=20000 is invalid")
                .hasMessageContaining("0 to 10000");
        assertThatThrownBy(() -> load("TZUROT_PLURALKIT_GRACE_MS", "soon")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_PLURALKIT_GRACE_MS");
    }
}
