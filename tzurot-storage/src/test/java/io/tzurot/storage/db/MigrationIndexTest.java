package io.tzurot.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list Flyway reads its scripts from names exactly the scripts in the migration folders. */
class MigrationIndexTest {

    private static final Path ROOT = Path.of("src/main/resources/db/migration");

    @Test
    void theIndexListsEveryScriptAndNothingElse() throws Exception {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(ROOT)) {
            onDisk = files.filter(p -> p.toString().endsWith(".sql")).map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        List<String> indexed = Files.readAllLines(ROOT.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertThat(indexed).as("db/migration/index.txt (regenerate: cd %s && find common h2 postgresql -name '*.sql' | sort)",
                ROOT).isEqualTo(onDisk);
    }

    @Test
    void eachDialectGetsTheSharedScriptsAndItsOwn() {
        IndexedMigrations h2 = IndexedMigrations.of("h2");
        assertThat(h2.getResources("V", new String[] {".sql"})).extracting(r -> r.getAbsolutePath())
                .allMatch(p -> p.startsWith("db/migration/common/") || p.startsWith("db/migration/h2/"))
                .anyMatch(p -> p.startsWith("db/migration/h2/"));
        assertThat(h2.getResource("V1__users_personas_personalities_presets.sql")).isNotNull();
    }
}
