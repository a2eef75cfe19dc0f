package io.tzurot.testkit.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of one test's own (initdb into a temporary directory, a free loopback port, trust
 * authentication for {@code postgres}), which the test may stop and start again at will. Extensions installed
 * on the machine (pgvector) are available. As root the server programs run as the {@code postgres} user, since
 * PostgreSQL refuses to run as root. Skipped with the standard notice when the programs are absent.
 */
public final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a fresh cluster; the suite is skipped when PostgreSQL's server programs are not installed. */
    public static PrivatePostgres start() throws IOException {
        Path bin = ServiceBinaries.postgresBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("tzurot-pg");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        PrivatePostgres pg = new PrivatePostgres(bin, dir, ServiceBinaries.freePort(), root);
        pg.command("initdb", "-D", pg.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        pg.startServer();
        return pg;
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    /** {@code postgresql://postgres@127.0.0.1:PORT/DB}, the form TZUROT_DATABASE_URL takes. */
    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public void startServer() {
        command("pg_ctl", "-D", data(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=200", "start");
    }

    /** Stops the server at once (immediate mode: like a crash, connections cut, recovery on the next start). */
    public void stopServer() {
        command("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
    }

    private void command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        ServiceBinaries.run(command, dir);
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException e) {
            // already stopped
        }
        ServiceBinaries.deleteTree(dir);
    }
}
