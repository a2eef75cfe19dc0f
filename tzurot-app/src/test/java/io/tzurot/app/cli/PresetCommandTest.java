package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.app.TzurotMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tzurot preset template | import | export} over the embedded database. */
class PresetCommandTest {

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
    void templateImportExportRoundTrip() throws Exception {
        assertThat(run("preset", "template", "--out", "t.json")).isZero();
        String template = Files.readString(dir.resolve("t.json"));
        Files.writeString(dir.resolve("mine.json"), template.replace("\"My preset\"", "\"Mine\""));
        assertThat(run("preset", "import", "mine.json")).as(stderr()).isZero();
        String id = stdout();
        assertThat(id).matches("[0-9a-f-]{36}");

        assertThat(run("preset", "export", id, "--out", "back.json")).as(stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode back = json.readTree(dir.resolve("back.json").toFile());
        JsonNode expected = json.readTree(template.replace("\"My preset\"", "\"Mine\""));
        assertThat(back).isEqualTo(expected);

        // the same name again: a conflict, exit 2, naming the option
        assertThat(run("preset", "import", "mine.json")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: ").contains("already exists").contains("--name");
        // another user may not export it
        assertThat(run("preset", "export", id, "--user", "77")).isEqualTo(1);
    }

    @Test
    void sillyTavernFileIsNamedAfterItsFileAndReportsIgnoredKeys() throws Exception {
        Files.writeString(dir.resolve("Midnight Prose.json"), "{\"chat_completion_source\":\"openrouter\","
                + "\"openrouter_model\":\"a/b\",\"temperature\":1.0,\"openai_max_tokens\":500,\"prompt_order\":[]}");
        assertThat(run("preset", "import", "Midnight Prose.json")).as(stderr()).isZero();
        assertThat(stderr()).contains("ignored: prompt_order");
        String id = stdout();
        assertThat(run("preset", "export", id)).isZero();
        assertThat(stdout()).contains("\"name\" : \"Midnight Prose\"").contains("\"max_tokens\" : 500");
    }

    @Test
    void badFilesGetOneClearLine() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        assertThat(run("preset", "import", "broken.json")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: broken.json is not a JSON object");
        Files.writeString(dir.resolve("array.json"), "[1]");
        assertThat(run("preset", "import", "array.json")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: array.json is not a JSON object");
        assertThat(run("preset", "import", "missing.json")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: cannot read missing.json");
        Files.writeString(dir.resolve("bad.json"), "{\"name\":\"x\",\"model\":\"a/b\",\"advancedParameters\":{\"top_p\":3}}");
        assertThat(run("preset", "import", "bad.json")).isEqualTo(2);
        assertThat(stderr()).startsWith("error: ").contains("top_p");
        assertThat(run("preset", "export", "nope")).isEqualTo(2);
    }
}
