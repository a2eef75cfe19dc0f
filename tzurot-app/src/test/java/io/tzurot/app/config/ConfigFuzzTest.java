package io.tzurot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.fuzz.Hostile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configuration values (seeded, bounded): every variable and every {@code .env} file either loads or stops
 * with one {@link ConfigException} line that names what is wrong and never shows a secret; no other exception.
 */
class ConfigFuzzTest {

    private static final long SEED = 0x7A0B07L;
    private static final int ITERATIONS_PER_VARIABLE = 400;
    private static final List<String> SAMPLES = List.of("8080", "127.0.0.1", "discord,api,worker", "api",
            "postgresql://user:hunter2secret@db.example:5432/tzurot", "jdbc:postgresql://db:5432/t?password=hunter2secret",
            "redis://:hunter2secret@cache:6379/0", "rediss://cache:6380", "https://openrouter.ai/api/v1", "wss://gateway",
            "ab".repeat(32), "123456789012345678", "true", "256", "180", "tzurot", "./tzurot-data", "sk-or-v1-abcdef0123456789");

    @TempDir
    Path dir;

    @Test
    void everyVariableTakesHostileValuesWithOneClearLine() {
        Hostile hostile = new Hostile(SEED);
        for (Variable variable : Variable.values()) {
            for (int i = 0; i < ITERATIONS_PER_VARIABLE; i++) {
                String value = hostile.random().nextBoolean() ? hostile.mutate(SAMPLES) : hostile.string(300);
                String where = variable + " #" + i + " (seed " + SEED + ") value " + printable(value);
                ConfigSources sources = ConfigSources.load(Map.of(variable.name(), value), dir);
                try {
                    TzurotConfig config = TzurotConfig.from(sources);
                    config.workerSlots();
                    config.llmTimeout();
                    config.redisPrefix();
                    config.autoTranscribeVoice();
                    config.profile();
                } catch (ConfigException e) {
                    String message = e.getMessage();
                    assertThat(message).as(where).isNotBlank().doesNotContain("\n");
                    assertThat(message).as(where).contains(variable.name());
                    if (variable.secret()) {
                        assertThat(message).as(where + ": a secret shown").doesNotContain("hunter2secret");
                        String stripped = value.strip();
                        if (stripped.length() >= 12 && variable != Variable.TZUROT_DATABASE_URL && variable != Variable.TZUROT_REDIS_URL) {
                            assertThat(message).as(where + ": a secret shown").doesNotContain(stripped);
                        }
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError(where + ": not a configuration error but " + e, e);
                }
            }
        }
    }

    @Test
    void hostileDotenvFilesLoadOrSayWhichLine() throws Exception {
        Hostile hostile = new Hostile(SEED + 1);
        String valid = "# comment\nexport TZUROT_HTTP_PORT=9090\nTZUROT_LLM_API_KEY='sk-quoted-value'\nBOT_OWNER_ID=123456789012345678 # me\n";
        for (int i = 0; i < 2000; i++) {
            byte[] content = hostile.random().nextInt(4) == 0 ? hostile.string(400).getBytes(StandardCharsets.UTF_8)
                    : hostile.mutate(valid.getBytes(StandardCharsets.UTF_8));
            Files.write(dir.resolve(".env"), content);
            String where = ".env #" + i + " (seed " + (SEED + 1) + ")";
            try {
                TzurotConfig.from(ConfigSources.load(Map.of(), dir));
            } catch (ConfigException e) {
                assertThat(e.getMessage()).as(where).isNotBlank().doesNotContain("\n");
                if (e.getMessage().startsWith(Variable.TZUROT_LLM_API_KEY.name())) {
                    assertThat(e.getMessage()).as(where + ": a secret shown").doesNotContain("sk-quoted-value");
                }
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": not a configuration error but " + e, e);
            }
        }
    }

    private static String printable(String value) {
        StringBuilder b = new StringBuilder("\"");
        value.codePoints().limit(120).forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }
}
