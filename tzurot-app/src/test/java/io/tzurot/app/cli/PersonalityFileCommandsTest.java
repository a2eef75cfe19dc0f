package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.TzurotMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    void importPrintsTheSlugAndEveryExportImportsAgain() throws IOException {
        Path card = Files.writeString(dir.resolve("nadia.json"), CARD);
        assertThat(run("personality", "import", card.toString())).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo("nadia");

        int copy = 2;
        for (String format : new String[] {"card-png", "card-json", "charx", "tzurot"}) {
            Path file = dir.resolve("out-" + format);
            assertThat(run("personality", "export", "nadia", "--format", format, "--out", file.toString())).as(stderr()).isZero();
            assertThat(Files.size(file)).isPositive();
            assertThat(run("personality", "import", file.toString())).as(format + ": " + stderr()).isZero();
            // the reference's JSON names the slug itself, so the owner's re-import updates nadia
            assertThat(stdout()).isEqualTo(format.equals("tzurot") ? "nadia" : "nadia-" + copy++);
        }
        assertThat(Files.readAllBytes(dir.resolve("out-card-png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void mistakesAreOneClearLine() throws IOException {
        Path broken = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1});
        assertThat(run("personality", "import", broken.toString())).isEqualTo(2);
        assertThat(stderr()).startsWith("error:").contains("truncated");
        assertThat(run("personality", "import", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(stderr()).contains("cannot read");
        Path card = Files.writeString(dir.resolve("n.json"), CARD);
        assertThat(run("personality", "import", card.toString(), "--owner", "555")).isZero();
        String slug = stdout();
        assertThat(run("personality", "export", slug, "--format", "pdf", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(stderr()).contains("tzurot|card-json|card-png|charx");
        // another user may not export someone else's private character
        assertThat(run("personality", "export", slug, "--format", "card-json", "--out", dir.resolve("y").toString(),
                "--user", "777")).isEqualTo(1);
    }
}
