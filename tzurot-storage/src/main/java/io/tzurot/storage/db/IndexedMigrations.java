package io.tzurot.storage.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migration scripts Flyway runs, read from the list {@code db/migration/index.txt} instead of found by scanning
 * the class path: in the executable jar (28,000 entries) the scan was a tenth of a cold start's CPU. A test keeps the
 * list equal to the directory's contents, so a new script cannot be forgotten.
 */
final class IndexedMigrations implements ResourceProvider {

    static final String INDEX = "db/migration/index.txt";
    private static final String ROOT = "db/migration/";

    private final List<Script> scripts;

    private IndexedMigrations(List<Script> scripts) {
        this.scripts = scripts;
    }

    /** The scripts of the shared folder and of {@code dialectFolder}, as the index lists them. */
    static IndexedMigrations of(String dialectFolder) {
        Set<String> folders = Set.of("common", dialectFolder);
        List<Script> scripts = new ArrayList<>();
        for (String line : read(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            int slash = line.indexOf('/');
            if (slash > 0 && folders.contains(line.substring(0, slash))) {
                scripts.add(new Script(ROOT + line, line.substring(slash + 1)));
            }
        }
        return new IndexedMigrations(List.copyOf(scripts));
    }

    /** No Java migrations: none are written, so there is nothing to scan for. */
    static ClassProvider<JavaMigration> noJavaMigrations() {
        return List::of;
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream().filter(s -> s.getRelativePath().equals(name) || s.getAbsolutePath().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (Script s : scripts) {
            if (s.getFilename().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith)) {
                found.add(s);
            }
        }
        return found;
    }

    private static String read(String path) {
        try (InputStream in = IndexedMigrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One script on the class path. */
    private static final class Script extends LoadableResource {
        private final String path;
        private final String fileName;

        Script(String path, String fileName) {
            this.path = path;
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = IndexedMigrations.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is listed in " + INDEX + " but missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
