package io.tzurot.app.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** The packaged jar running as a separate JVM, with its output captured line by line. */
public final class TzurotProcess implements AutoCloseable {

    private static final Pattern HTTP_LINE = Pattern.compile("http\\s+http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private TzurotProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "tzurot-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The jar built by 'package' (failsafe passes its path as the tzurot.jar system property). */
    public static Path jar() {
        String path = System.getProperty("tzurot.jar");
        if (path == null) {
            throw new IllegalStateException("tzurot.jar system property not set: run this test through 'mvn verify'");
        }
        return Path.of(path);
    }

    public static TzurotProcess start(Map<String, String> environment, String... args) throws IOException {
        return start(List.of("-Xmx256m"), environment, args);
    }

    /** With JVM options of its own (benchmarks: heap size, flight recording). */
    public static TzurotProcess start(List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("TZUROT_") || k.startsWith("DISCORD_") || k.endsWith("_API_KEY"));
        builder.environment().putAll(environment);
        return new TzurotProcess(builder.start());
    }

    /**
     * Through the {@code ./tzurot} launcher, as an operator starts it (its heap settings apply; the class-data
     * archive step is skipped so that a test does not record one).
     */
    public static TzurotProcess startWithLauncher(Map<String, String> environment, String... args) throws IOException {
        Path script = jar().toAbsolutePath().getParent().getParent().getParent().resolve("tzurot");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("TZUROT_") || k.startsWith("DISCORD_") || k.endsWith("_API_KEY"));
        builder.environment().put("TZUROT_CDS", "0");
        builder.environment().putAll(environment);
        return new TzurotProcess(builder.start());
    }

    /** Waits for the start-up summary and returns the HTTP port it names. */
    public int awaitHttpPort(Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() ->
                lines.stream().anyMatch(l -> l.startsWith("Started in")) || !process.isAlive());
        for (String line : lines) {
            Matcher m = HTTP_LINE.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("no HTTP line in the start-up output:\n" + output());
    }

    public void awaitLine(String prefix, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() ->
                lines.stream().anyMatch(l -> l.startsWith(prefix)) || !process.isAlive());
    }

    /**
     * Fails when the process logged a secret (see {@link io.tzurot.testkit.logs.SecretLogScan}); the start-up summary's
     * one-time console link is shown to the operator on purpose and is left out.
     */
    public void assertNoSecretsLogged(String name) {
        io.tzurot.testkit.logs.SecretLogScan.check(name + " process output",
                lines.stream().filter(l -> !l.startsWith("  console ")).toList());
    }

    public String output() {
        return String.join("\n", lines);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() also closes our end of the output pipe, so whatever the process
        // logs while it stops (the point of a graceful stop) would be lost.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not stop after SIGTERM within " + timeout + ":\n" + output());
        }
        reader.join(5000); // the last lines may still be in the pipe
        return process.exitValue();
    }

    /** SIGKILL: the process dies without any chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("still running after " + timeout + ":\n" + output());
        }
        reader.join(5000); // the last lines may still be in the pipe
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
