package io.tzurot.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.storage.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's folder and files are readable by their owner only, new or found looser. */
class DataDirPermissionsTest {

    @TempDir
    Path dir;

    private TzurotConfig config(Path data) {
        return TzurotConfig.from(ConfigSources.load(Map.of("TZUROT_DATA_DIR", data.toString()), dir));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<Path> files(Path data) throws Exception {
        try (Stream<Path> s = Files.walk(data)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aNewDataDirIsPrivateAndSoAreTheDatabaseFiles() throws Exception {
        Path data = dir.resolve("fresh");
        try (Database db = Launcher.openDatabase(config(data))) {
            assertThat(db).isNotNull();
            assertThat(mode(data)).isEqualTo("rwx------");
            List<Path> files = files(data);
            assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
            for (Path f : files) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void looserPermissionsFoundAtStartAreTightened() throws Exception {
        Path data = dir.resolve("old");
        Files.createDirectories(data.resolve("cache"));
        Path dbFile = Files.writeString(data.resolve("notes.txt"), "x");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("cache"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dbFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(DataDirPermissions.tighten(data)).isEqualTo(3);
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("cache"))).isEqualTo("rwx------");
        assertThat(mode(dbFile)).isEqualTo("rw-------");
        assertThat(DataDirPermissions.tighten(data)).isZero();

        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DataDirPermissions.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try (Database db = Launcher.openDatabase(config(data))) {
            assertThat(seen.list).anyMatch(e -> e.getFormattedMessage().contains(data.toString())
                    && e.getFormattedMessage().contains("could be read by other users"));
            assertThat(mode(data)).isEqualTo("rwx------");
            for (Path f : files(data)) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        } finally {
            logger.detachAppender(seen);
        }
    }
}
