package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.logs.SecretLogScan;
import io.tzurot.testkit.shapes.FakeShapesServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tzurot personality import-shapes}: live with the cookie from {@code TZUROT_SHAPES_COOKIE} (never an
 * argument), or {@code --file} with a saved export; prints the slug; a refused cookie or a bad file is exit 2 (bad
 * input) with a clear message and nothing imported, a missing shape exit 1; a missing cookie or both sources at once
 * is a usage error (exit 2).
 */
@ExtendWith(SecretLogScan.class)
class ShapesImportCommandTest {

    private static final String SESSION = "cli-shapes-session-5555555555";

    @TempDir
    Path dir;

    @Test
    void importsLiveAndFromAFileAndSaysWhatWentWrong() throws Exception {
        SecretLogScan.secret(SESSION);
        try (FakeShapesServer site = FakeShapesServer.start(SESSION)) {
            FakeShapesServer.Shape shape = new FakeShapesServer.Shape(FakeShapesServer.config("c1", "cobalt", "Cobalt"),
                    List.of(FakeShapesServer.memory("m1", "c1", "The user fixes old radios.", 1_620_000_000L)), List.of(),
                    null);
            site.add(shape);
            Map<String, String> env = Map.of("TZUROT_SHAPES_BASE_URL", site.baseUrl());
            EmbeddedCli withCookie = new EmbeddedCli(dir, Map.of("TZUROT_SHAPES_BASE_URL", site.baseUrl(),
                    "TZUROT_SHAPES_COOKIE", "appSession=" + SESSION));
            assertThat(withCookie.run("personality", "import-shapes", "cobalt")).as(withCookie.stderr()).isZero();
            assertThat(withCookie.stdout()).isEqualTo("cobalt");
            assertThat(withCookie.stderr()).contains("with 1 memories").doesNotContain(SESSION);

            EmbeddedCli stale = new EmbeddedCli(dir, Map.of("TZUROT_SHAPES_BASE_URL", site.baseUrl(),
                    "TZUROT_SHAPES_COOKIE", "appSession=stale"));
            assertThat(stale.run("personality", "import-shapes", "cobalt")).isEqualTo(2);
            assertThat(stale.stderr()).contains("did not accept your session cookie");

            EmbeddedCli noCookie = new EmbeddedCli(dir, env);
            assertThat(noCookie.run("personality", "import-shapes", "cobalt")).isEqualTo(2);
            assertThat(noCookie.stderr()).contains("TZUROT_SHAPES_COOKIE");

            Path file = dir.resolve("cobalt-export.json");
            Files.write(file, FakeShapesServer.exportFile(shape));
            assertThat(noCookie.run("personality", "import-shapes", "--file", file.toString())).isZero();
            assertThat(noCookie.stdout()).isEqualTo("cobalt-2");
            assertThat(noCookie.run("personality", "import-shapes", "cobalt", "--file", file.toString())).isEqualTo(2);

            Files.writeString(file, "{\"config\":[]}");
            assertThat(noCookie.run("personality", "import-shapes", "--file", file.toString())).isEqualTo(2);
            assertThat(noCookie.stderr()).contains("config must be an object");
            assertThat(new EmbeddedCli(dir, Map.of("TZUROT_SHAPES_BASE_URL", site.baseUrl(), "TZUROT_SHAPES_COOKIE",
                    "appSession=" + SESSION)).run("personality", "import-shapes", "nobody")).isEqualTo(1);
            assertThat(noCookie.run("personality", "list")).isZero();
            assertThat(noCookie.stdout()).contains("cobalt").doesNotContain("cobalt-3");
        }
    }
}
