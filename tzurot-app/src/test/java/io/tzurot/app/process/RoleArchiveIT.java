package io.tzurot.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.storage.testing.TestDatabases;
import io.tzurot.testkit.ServiceTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distributed role started by the launcher records its own class-data archive when it first exits (under a name of
 * its own pid), and the next start of the same roles adopts that file and maps the Redis and PostgreSQL classes from
 * it instead of parsing them from the jar.
 */
class RoleArchiveIT {

    private static final Path TARGET = TzurotProcess.jar().toAbsolutePath().getParent();
    private static final String ROLES = "api,worker";
    private static final Path ARCHIVE = TARGET.resolve("tzurot-api-worker.jsa");

    @TempDir
    Path dir;

    private TestDatabases.TestDatabase database;

    @BeforeEach
    void createDatabase() throws Exception {
        ServiceTargets.redisUrl();
        database = TestDatabases.postgres();
        removeArchives();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        removeArchives();
        if (database != null) {
            database.close();
        }
    }

    private static void removeArchives() throws Exception {
        try (Stream<Path> files = Files.list(TARGET)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("tzurot-api-worker.jsa")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Map<String, String> env(String javaOpts) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_CDS", "1");
        env.put("TZUROT_DATABASE_URL", database.processUrl());
        env.put("TZUROT_REDIS_URL", ServiceTargets.redisUrl());
        env.put("TZUROT_REDIS_PREFIX", "tzcds" + UUID.randomUUID().toString().substring(0, 8));
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("TZUROT_METRICS_PORT", "off");
        env.put("TZUROT_ENCRYPTION_KEY", "ef".repeat(32));
        env.put("TZUROT_JAVA_OPTS", javaOpts);
        return env;
    }

    @Test
    void theFirstDistributedStartRecordsItsArchiveAndTheNextMapsRedisClassesFromIt() throws Exception {
        long firstPid;
        try (TzurotProcess first = TzurotProcess.startWithLauncher(env(""), "start", "--roles", ROLES)) {
            first.awaitLine("Started in", Duration.ofMinutes(2));
            firstPid = first.pid();
            assertThat(HostileRequestsIT.vmFlagsOf(firstPid)).contains("-XX:ArchiveClassesAtExit=" + ARCHIVE + "."
                    + firstPid + ".part");
            first.stop(Duration.ofSeconds(90));
        }
        Path part = TARGET.resolve("tzurot-api-worker.jsa." + firstPid + ".part");
        assertThat(part).as("written at exit").exists();
        assertThat(Files.size(part)).isPositive();
        assertThat(ARCHIVE).doesNotExist();

        Path classes = dir.resolve("classes.log");
        try (TzurotProcess second = TzurotProcess.startWithLauncher(env("-Xlog:class+load:file=" + classes),
                "start", "--roles", ROLES)) {
            second.awaitLine("Started in", Duration.ofMinutes(2));
            assertThat(HostileRequestsIT.vmFlagsOf(second.pid())).contains("-XX:SharedArchiveFile=" + ARCHIVE);
            second.stop(Duration.ofSeconds(90));
        }
        assertThat(ARCHIVE).as("adopted by the next start").exists();
        assertThat(part).doesNotExist();
        List<String> lettuce = Files.readAllLines(classes).stream()
                .filter(l -> l.contains(" io.lettuce.core.RedisClient ")).toList();
        assertThat(lettuce).singleElement().asString().contains("shared objects file");
    }
}
