package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.TzurotMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tzurot user export | erase} for the operator over the embedded database. */
class UserCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = Map.of("TZUROT_DATA_DIR", dir.resolve("data").toString());
        return TzurotMain.run(new CliContext(env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void operatorExportsThenErasesAUser() throws Exception {
        assertThat(run("personality", "create", "--name", "Wren", "--owner", "555000111")).as(stderr()).isZero();
        assertThat(run("user", "export", "555000111", "--out", "wren-owner.zip")).as(stderr()).isZero();
        try (ZipFile zip = new ZipFile(dir.resolve("wren-owner.zip").toFile())) {
            // both forms: the reference's JSON and the SillyTavern card (JSON and PNG)
            assertThat(zip.getEntry("characters/wren/wren.json")).isNotNull();
            assertThat(zip.getEntry("characters/wren/wren.card.json")).isNotNull();
            assertThat(zip.getEntry("characters/wren/wren.card.png")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("characters/wren/wren.card.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("chara_card_v2");
            assertThat(zip.getEntry("api-keys.json")).isNotNull();
        }
        assertThat(run("user", "erase", "555000111")).as(stderr()).isZero();
        assertThat(stdout()).startsWith("erased 555000111: ").contains("1 characters");
        assertThat(run("personality", "show", "wren")).isEqualTo(1);
        // gone: erasing again names the problem
        assertThat(run("user", "erase", "555000111")).isEqualTo(1);
        assertThat(stderr()).startsWith("error: ").contains("555000111");
        assertThat(run("user", "erase", "not-a-user")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: USER_ID must be");
        assertThat(Files.exists(dir.resolve("wren-owner.zip"))).isTrue();
    }
}
