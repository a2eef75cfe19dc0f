package io.tzurot.app.cli;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code tzurot selfcheck}: starts every role on a throw-away embedded data dir and a free port, checks
 * {@code /health}, stops. Proves a build runs on this machine; the launcher also uses it once per build
 * to record a class-data-sharing archive that makes later starts faster.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Start all roles on a temporary embedded data dir, check /health, stop.")
public final class SelfcheckCommand implements Callable<Integer> {

    private final CliContext context;

    public SelfcheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path dataDir = Files.createTempDirectory("tzurot-selfcheck");
        try {
            TzurotConfig config = TzurotConfig.from(ConfigSources.load(
                    Map.of("TZUROT_DATA_DIR", dataDir.toString(), "TZUROT_HTTP_PORT", "0"), dataDir));
            long started = System.nanoTime();
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            try (RunningTzurot running = new Launcher(quiet).start(config)) {
                int port = running.httpPort().orElseThrow();
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (health.statusCode() != 200) {
                    context.err().println("selfcheck failed: /health answered " + health.statusCode() + " " + health.body());
                    return 1;
                }
                context.out().println("selfcheck ok: healthy in " + millis + " ms " + health.body());
                return 0;
            }
        } finally {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
