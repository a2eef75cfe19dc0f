package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tzurot personality import FILE} and {@code export SLUG --format F --out FILE} against the embedded database. */
class PersonalityFileCommandsTest {

    private static final String CARD = "{\"spec\":\"chara_card_v3\",\"spec_version\":\"3.0\",\"data\":{\"name\":\"Nadia Ø\","
            + "\"description\":\"A lighthouse keeper.\",\"personality\":\"steady\",\"scenario\":\"\",\"first_mes\":\"Ahoy.\","
            + "\"mes_example\":\"\",\"creator_notes\":\"\",\"system_prompt\":\"Speak like the sea.\","
            + "\"post_history_instructions\":\"\",\"alternate_greetings\":[],\"group_only_greetings\":[],\"tags\":[],"
            + "\"creator\":\"\",\"character_version\":\"\",\"extensions\":{},\"character_book\":{\"extensions\":{},"
            + "\"entries\":[{\"keys\":[\"lamp\"],\"content\":\"The lamp never sleeps.\",\"extensions\":{},\"enabled\":true,"
            + "\"insertion_order\":1,\"use_regex\":false}]}}}";

    @TempDir
    Path dir;

    private EmbeddedCli cli;

    @BeforeEach
    void cli() {
        cli = new EmbeddedCli(dir);
    }

    @Test
    void importPrintsTheSlugAndEveryExportImportsAgain() throws IOException {
        Path card = Files.writeString(dir.resolve("nadia.json"), CARD);
        assertThat(cli.run("personality", "import", card.toString())).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).isEqualTo("nadia");

        int copy = 2;
        for (String format : new String[] {"card-png", "card-json", "charx", "tzurot"}) {
            Path file = dir.resolve("out-" + format);
            assertThat(cli.run("personality", "export", "nadia", "--format", format, "--out", file.toString())).as(cli.stderr()).isZero();
            assertThat(Files.size(file)).isPositive();
            assertThat(cli.run("personality", "import", file.toString())).as(format + ": " + cli.stderr()).isZero();
            // the reference's JSON names the slug itself, so the owner's re-import updates nadia
            assertThat(cli.stdout()).isEqualTo(format.equals("tzurot") ? "nadia" : "nadia-" + copy++);
        }
        assertThat(Files.readAllBytes(dir.resolve("out-card-png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void mistakesAreOneClearLine() throws IOException {
        Path broken = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
        assertThat(cli.run("personality", "import", broken.toString())).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error:").contains("truncated");
        assertThat(cli.run("personality", "import", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(cli.stderr()).contains("cannot read");
        Path card = Files.writeString(dir.resolve("n.json"), CARD);
        assertThat(cli.run("personality", "import", card.toString(), "--owner", "555")).isZero();
        String slug = cli.stdout();
        assertThat(cli.run("personality", "export", slug, "--format", "pdf", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(cli.stderr()).contains("tzurot|card-json|card-png|charx");
        // another user may not export someone else's private character
        assertThat(cli.run("personality", "export", slug, "--format", "card-json", "--out", dir.resolve("y").toString(),
                "--user", "777")).isEqualTo(1);
    }
}
