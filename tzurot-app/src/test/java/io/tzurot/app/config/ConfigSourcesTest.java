package io.tzurot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    @TempDir
    Path dir;

    @Test
    void environmentWinsOverDotenvWhichWinsOverDefaults() throws Exception {
        Files.writeString(dir.resolve(".env"), """
                # comment
                export TZUROT_HTTP_PORT=9000
                TZUROT_HTTP_HOST="0.0.0.0"
                TZUROT_DEFAULT_MODEL='openai/gpt-4o-mini'
                BOT_OWNER_ID=123456789012345678 # trailing comment
                """);
        ConfigSources sources = ConfigSources.load(Map.of("TZUROT_HTTP_PORT", "9100"), dir);

        assertThat(sources.get(Variable.TZUROT_HTTP_PORT)).isEqualTo(new ConfigSources.Entry("9100", Source.ENVIRONMENT));
        assertThat(sources.get(Variable.TZUROT_HTTP_HOST)).isEqualTo(new ConfigSources.Entry("0.0.0.0", Source.DOTENV));
        assertThat(sources.value(Variable.TZUROT_DEFAULT_MODEL)).isEqualTo("openai/gpt-4o-mini");
        assertThat(sources.value(Variable.BOT_OWNER_ID)).isEqualTo("123456789012345678");
        assertThat(sources.get(Variable.TZUROT_DATA_DIR)).isEqualTo(new ConfigSources.Entry("./tzurot-data", Source.DEFAULT));
        assertThat(sources.get(Variable.DISCORD_TOKEN).source()).isEqualTo(Source.UNSET);
    }

    @Test
    void blankValuesCountAsUnset() {
        ConfigSources sources = ConfigSources.load(Map.of("TZUROT_HTTP_PORT", "  ", "DISCORD_TOKEN", ""), dir);
        assertThat(sources.get(Variable.TZUROT_HTTP_PORT).source()).isEqualTo(Source.DEFAULT);
        assertThat(sources.get(Variable.DISCORD_TOKEN).source()).isEqualTo(Source.UNSET);
    }

    @Test
    void aMalformedDotenvLineIsNamed() throws Exception {
        Files.writeString(dir.resolve(".env"), "TZUROT_HTTP_PORT=1\nnot a pair\n");
        assertThatThrownBy(() -> ConfigSources.load(Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".env line 2 is invalid: expected KEY=VALUE");
    }
}
