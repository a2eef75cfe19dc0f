package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tzurot user export | erase} for the operator over the embedded database. */
class UserCommandTest {

    @TempDir
    Path dir;

    private EmbeddedCli cli;

    @BeforeEach
    void cli() {
        cli = new EmbeddedCli(dir);
    }

    @Test
    void operatorExportsThenErasesAUser() throws Exception {
        assertThat(cli.run("personality", "create", "--name", "Wren", "--owner", "555000111")).as(cli.stderr()).isZero();
        assertThat(cli.run("user", "export", "555000111", "--out", "wren-owner.zip")).as(cli.stderr()).isZero();
        try (ZipFile zip = new ZipFile(dir.resolve("wren-owner.zip").toFile())) {
            // both forms: the reference's JSON and the SillyTavern card (JSON and PNG)
            assertThat(zip.getEntry("characters/wren/wren.json")).isNotNull();
            assertThat(zip.getEntry("characters/wren/wren.card.json")).isNotNull();
            assertThat(zip.getEntry("characters/wren/wren.card.png")).isNotNull();
            assertThat(new String(zip.getInputStream(zip.getEntry("characters/wren/wren.card.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("chara_card_v2");
            assertThat(zip.getEntry("api-keys.json")).isNotNull();
        }
        assertThat(cli.run("user", "erase", "555000111")).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).startsWith("erased 555000111: ").contains("1 characters");
        assertThat(cli.run("personality", "show", "wren")).isEqualTo(1);
        // gone: erasing again names the problem
        assertThat(cli.run("user", "erase", "555000111")).isEqualTo(1);
        assertThat(cli.stderr()).startsWith("error: ").contains("555000111");
        assertThat(cli.run("user", "erase", "not-a-user")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error: USER_ID must be");
        assertThat(Files.exists(dir.resolve("wren-owner.zip"))).isTrue();
    }
}
