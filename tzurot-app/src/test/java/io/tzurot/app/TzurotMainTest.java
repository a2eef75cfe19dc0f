package io.tzurot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.cli.CliContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TzurotMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        CliContext context = new CliContext(env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return TzurotMain.run(context, args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionAndHelp() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(stdout()).startsWith("tzurot ");
        out.reset();
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(stdout()).contains("start", "config", "migrate");
    }

    @Test
    void configShowsValuesWithSourcesAndMasksSecrets() {
        int code = run(Map.of("DISCORD_TOKEN", "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.tokenvalue", "TZUROT_HTTP_PORT", "9000"), "config");
        assertThat(code).isZero();
        assertThat(stdout()).contains("TZUROT_HTTP_PORT", "9000", "environment", "default", "profile: embedded")
                .doesNotContain("MTIzNDU2Nzg5MDEyMzQ1Njc4.secret");
        assertThat(stdout()).containsPattern("DISCORD_TOKEN\\s+\\*\\*\\*\\*alue\\s+environment");
    }

    @Test
    void configMasksAPasswordGivenInTheDatabaseUrlsQuery() {
        int code = run(Map.of("TZUROT_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/tzurot?user=bob&password=hunter2",
                "TZUROT_REDIS_URL", "redis://:redispass@127.0.0.1:1"), "config");
        assertThat(code).isZero();
        assertThat(stdout()).contains("password=****", "redis://:****@127.0.0.1:1").doesNotContain("hunter2", "redispass");
    }

    @Test
    void badConfigurationExitsWithCodeTwoAndOneLine() {
        int code = run(Map.of("TZUROT_HTTP_PORT", "abc", "TZUROT_DATA_DIR", dir.resolve("d").toString()), "start");
        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: TZUROT_HTTP_PORT=abc is invalid: expected a port number from 1 to 65535"
                + " (0 picks a free port)");
    }

    @Test
    void configReportsTheBadValueAndExitsTwo() {
        assertThat(run(Map.of("TZUROT_ENCRYPTION_KEY", "xyz"), "config")).isEqualTo(2);
        assertThat(stderr()).contains("TZUROT_ENCRYPTION_KEY=**** is invalid");
    }

    @Test
    void migrateAppliesThenReportsUpToDate() {
        Map<String, String> env = Map.of("TZUROT_DATA_DIR", dir.resolve("d").toString());
        assertThat(run(env, "migrate")).isZero();
        assertThat(stdout()).contains("Applied");
        out.reset();
        assertThat(run(env, "migrate")).isZero();
        assertThat(stdout()).contains("Database is up to date");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(run(Map.of(), "start", "--bogus")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option: '--bogus'");
    }
}
