package io.tzurot.testkit.services;

import io.tzurot.testkit.ServiceTargets;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Finds the server programs a private service needs; a missing one skips the suite with the standard notice. */
final class ServiceBinaries {

    private ServiceBinaries() {
    }

    /** The first executable named {@code name} on the PATH, or the suite is skipped (failed when services are required). */
    static Path onPath(String name, String service) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return missing(service, name + " on the PATH");
    }

    /** PostgreSQL's server binaries directory (initdb, pg_ctl): the newest /usr/lib/postgresql/N/bin, else the PATH. */
    static Path postgresBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> bin = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent())));
                if (bin.isPresent()) {
                    return bin.get();
                }
            } catch (IOException e) {
                // fall back to the PATH
            }
        }
        return onPath("pg_ctl", "PostgreSQL (private cluster)").getParent();
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T> T missing(String service, String what) {
        String notice = service + " tests skipped: " + what + " not found";
        if (ServiceTargets.servicesRequired()) {
            Assertions.fail(service + " is required (" + ServiceTargets.REQUIRE_VARIABLE + "=1) but " + what + " was not found");
        }
        System.out.println("NOTICE: " + notice);
        Assumptions.abort(notice);
        throw new IllegalStateException("unreachable");
    }

    /** A TCP port free on the loopback right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Runs a short command to its end; its output is returned, a non-zero exit is an error naming it. */
    static String run(List<String> command, Path workDir) {
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + code + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    /** Deletes a directory tree, quietly (a test's clean-up). */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left for the OS's temp clean-up
        }
    }
}
