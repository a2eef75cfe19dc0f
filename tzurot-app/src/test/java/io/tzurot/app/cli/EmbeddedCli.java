package io.tzurot.app.cli;

import io.tzurot.app.TzurotMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The CLI run in-process on an embedded data dir inside a test's folder, with each command's output captured. */
final class EmbeddedCli {

    private final Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final Map<String, String> extraEnv;

    /** Commands run in {@code dir} (relative paths resolve there) with their data in {@code dir/data}. */
    EmbeddedCli(Path dir) {
        this(dir, Map.of());
    }

    /** As above, with these environment variables as well. */
    EmbeddedCli(Path dir, Map<String, String> extraEnv) {
        this.dir = dir;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** Runs one command and returns its exit code; its output replaces the previous command's. */
    int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        return TzurotMain.run(new CliContext(env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }
}
