package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tzurot preset template | import | export} over the embedded database. */
class PresetCommandTest {

    @TempDir
    Path dir;

    private EmbeddedCli cli;

    @BeforeEach
    void cli() {
        cli = new EmbeddedCli(dir);
    }

    @Test
    void templateImportExportRoundTrip() throws Exception {
        assertThat(cli.run("preset", "template", "--out", "t.json")).isZero();
        String template = Files.readString(dir.resolve("t.json"));
        Files.writeString(dir.resolve("mine.json"), template.replace("\"My preset\"", "\"Mine\""));
        assertThat(cli.run("preset", "import", "mine.json")).as(cli.stderr()).isZero();
        String id = cli.stdout();
        assertThat(id).matches("[0-9a-f-]{36}");

        assertThat(cli.run("preset", "export", id, "--out", "back.json")).as(cli.stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode back = json.readTree(dir.resolve("back.json").toFile());
        JsonNode expected = json.readTree(template.replace("\"My preset\"", "\"Mine\""));
        assertThat(back).isEqualTo(expected);

        // the same name again: a conflict, exit 2, naming the option
        assertThat(cli.run("preset", "import", "mine.json")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error: ").contains("already exists").contains("--name");
        // another user may not export it
        assertThat(cli.run("preset", "export", id, "--user", "77")).isEqualTo(1);
    }

    @Test
    void sillyTavernFileIsNamedAfterItsFileAndReportsIgnoredKeys() throws Exception {
        Files.writeString(dir.resolve("Midnight Prose.json"), "{\"chat_completion_source\":\"openrouter\","
                + "\"openrouter_model\":\"a/b\",\"temperature\":1.0,\"openai_max_tokens\":500,\"prompt_order\":[]}");
        assertThat(cli.run("preset", "import", "Midnight Prose.json")).as(cli.stderr()).isZero();
        assertThat(cli.stderr()).contains("ignored: prompt_order");
        String id = cli.stdout();
        assertThat(cli.run("preset", "export", id)).isZero();
        assertThat(cli.stdout()).contains("\"name\" : \"Midnight Prose\"").contains("\"max_tokens\" : 500");
    }

    @Test
    void badFilesGetOneClearLine() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"name\": ");
        assertThat(cli.run("preset", "import", "broken.json")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error: broken.json is not a JSON object");
        Files.writeString(dir.resolve("array.json"), "[1]");
        assertThat(cli.run("preset", "import", "array.json")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error: array.json is not a JSON object");
        assertThat(cli.run("preset", "import", "missing.json")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error: cannot read missing.json");
        Files.writeString(dir.resolve("bad.json"), "{\"name\":\"x\",\"model\":\"a/b\",\"advancedParameters\":{\"top_p\":3}}");
        assertThat(cli.run("preset", "import", "bad.json")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("error: ").contains("top_p");
        assertThat(cli.run("preset", "export", "nope")).isEqualTo(2);
    }
}
